package io.paysuite.pay.order.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.pay.order.PayOrder;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class TopUpPostingTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    final LedgerService ledger = mock(LedgerService.class);
    final ChannelService channels = mock(ChannelService.class);

    @Test
    void aPaidTopUpIsPostedAsATopUpAndAMerchantsTradeIsNot() {
        assertThat(postedFor(TradeType.TOPUP).topUp()).isTrue();
        assertThat(postedFor(TradeType.INSTANT).topUp()).isFalse();
    }

    private PaymentPostingCmd postedFor(TradeType type) {
        PayOrder order = PayOrder.open("P2026120610000003000000519", new OpenPayOrderCmd("T2026120610000003000000519",
                "U1001", "PLATFORM", PayMethod.WECHAT_QR, Money.cny(1280), "REQ-000001"), "digest", T0);
        TradeDTO trade = new TradeDTO("T2026120610000003000000519", "PLATFORM", "TU-1", type, TradeStatus.PAYING, Money.cny(1280),
                Money.cny(0), Money.cny(0), "Wallet top-up", "U1001", null, null, null, null, T0, null, null);
        when(channels.charge(any())).thenReturn(Result.ok(new ChannelOrderDTO("C1", order.payOrderNo(), order.tradeNo(),
                ChannelCode.WECHAT, PayMethod.WECHAT_QR, Money.cny(1280), ChannelOrderStatus.SUCCESS, null, "4200", "SUCCESS", T0, T0)));
        when(ledger.postPayment(any())).thenReturn(Result.ok(null));
        new ChannelTool(PayMethod.WECHAT_QR, channels, ledger).charge(order, trade, null);
        ArgumentCaptor<PaymentPostingCmd> posted = ArgumentCaptor.forClass(PaymentPostingCmd.class);
        verify(ledger, org.mockito.Mockito.atLeastOnce()).postPayment(posted.capture());
        return posted.getValue();
    }
}
