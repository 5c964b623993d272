package io.paysuite.pay.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentService;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.pay.infra.event.InProcessPaySuccess;
import io.paysuite.pay.order.tool.BalanceTool;
import io.paysuite.pay.order.tool.ChannelTool;
import io.paysuite.pay.order.tool.PaymentTools;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Paying a pre-authorisation freezes the wallet's money in the pre-auth hold; nothing else may pay one. */
class PreAuthPaymentTest {

    static final String TRADE_NO = "T2026112210000003000000519";
    static final String BUYER = "10000000007";

    final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    final InMemoryPayOrders orders = new InMemoryPayOrders();
    final ChannelService channels = mock(ChannelService.class);
    final LedgerService ledger = mock(LedgerService.class);
    final TradeService tradeService = mock(TradeService.class);
    final TradePaymentService tradePayments = mock(TradePaymentService.class);
    final MemberService members = mock(MemberService.class);
    final PayOrchestrator orchestrator = new PayOrchestrator(orders, new PayOrderOpener(orders, new OrderNo(clock, 3), clock),
            new PaymentTools(List.of(new BalanceTool(ledger), new ChannelTool(PayMethod.BANK_CARD, channels, ledger))),
            new InProcessPaySuccess(orders, clock), payOrderNo -> { }, tradeService, tradePayments, members, clock,
            io.paysuite.pay.risk.RiskFakes.allowAll(clock));

    @BeforeEach
    void aPreAuthorisationWaitingForItsBuyer() {
        TradeDTO trade = new TradeDTO(TRADE_NO, "M100001", "order-1", TradeType.PREAUTH, TradeStatus.WAIT_PAY, Money.cny(1000),
                Money.cny(0), Money.cny(0), "deposit", BUYER, null, null, null, null, clock.instant(), null, null);
        when(tradeService.get(any())).thenReturn(Result.ok(trade));
        when(tradePayments.beginPay(any())).thenReturn(Result.ok(trade));
        when(members.getBuyer(any())).thenReturn(Result.ok(null));
        when(members.verifyPayPassword(any())).thenReturn(Result.ok(null));
        when(ledger.postAuthorisation(any())).thenReturn(Result.ok(null));
    }

    @Test
    void aWalletPaymentOfAPreAuthorisationIsPostedAsAnAuthorisationNotAPayment() {
        assertThat(orchestrator.pay(new PayCmd(TRADE_NO, BUYER, PayMethod.BALANCE, "123456", "REQ-000001")).status())
                .isEqualTo(PayOrderStatus.SUCCESS);

        ArgumentCaptor<PaymentPostingCmd> posting = ArgumentCaptor.forClass(PaymentPostingCmd.class);
        verify(ledger).postAuthorisation(posting.capture());
        assertThat(posting.getValue().amount()).isEqualTo(Money.cny(1000));
        verify(ledger, never()).postPayment(any());
    }

    @Test
    void aCardPaymentOfAPreAuthorisationIsTheChannelsPreAuthBookedIntoTheHoldFromTheChannelsClearing() {
        when(channels.charge(any())).thenReturn(Result.ok(new ChannelOrderDTO("C2026112210000003000000519", "P1", TRADE_NO,
                ChannelCode.UNIONPAY, PayMethod.BANK_CARD, Money.cny(1000), ChannelOrderStatus.SUCCESS, null, "202611221000000000001",
                "00", clock.instant(), clock.instant())));

        assertThat(orchestrator.pay(new PayCmd(TRADE_NO, BUYER, PayMethod.BANK_CARD, "123456", "REQ-000002", "6200000000010000")).status())
                .isEqualTo(PayOrderStatus.SUCCESS);

        ArgumentCaptor<ChargeChannelCmd> charge = ArgumentCaptor.forClass(ChargeChannelCmd.class);
        verify(channels).charge(charge.capture());
        assertThat(charge.getValue().authorisation()).as("the channel's pre-auth, not a consume").isTrue();
        ArgumentCaptor<PaymentPostingCmd> posting = ArgumentCaptor.forClass(PaymentPostingCmd.class);
        verify(ledger).postAuthorisation(posting.capture());
        assertThat(posting.getValue().channel()).isEqualTo("UNIONPAY");
        assertThat(posting.getValue().amount()).isEqualTo(Money.cny(1000));
        verify(ledger, never()).postPayment(any());
    }

    @Test
    void aCouponOrPointsOnAPreAuthorisationAreRefusedBeforeAnythingMoves() {
        assertThatThrownBy(() -> orchestrator.pay(new PayCmd(TRADE_NO, BUYER, PayMethod.BALANCE, "123456", "REQ-000003", null,
                "CP1", false))).isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.PARAM_ERROR);
        verifyNoInteractions(channels, ledger);
        assertThat(orders.writes()).isEmpty();
    }
}
