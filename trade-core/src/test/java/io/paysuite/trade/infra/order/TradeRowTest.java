package io.paysuite.trade.infra.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeType;
import io.paysuite.trade.order.Trade;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeRowTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123Z");

    @Test
    void aTradeSurvivesTheRowWithItsMethodsAndHowItWasPaid() {
        Trade open = trade(List.of(PayMethod.WECHAT_QR, PayMethod.BALANCE));
        Trade paying = new Trade(open.tradeNo(), open.merchantId(), open.outTradeNo(), open.tradeType(),
                io.paysuite.api.trade.TradeStatus.PAYING, open.amount(), open.paidAmount(), open.refundedAmount(),
                open.subject(), open.buyerId(), open.attach(), open.notifyUrl(), open.returnUrl(), open.timeExpire(),
                open.createdAt(), NOW, null, null, 1, "P2026112210000003000000007", null, open.paymentMethods(), null, null);
        Trade paid = paying.paid(Money.cny(1000), "U1", PayMethod.BALANCE, "PAYSUITE", NOW.plusSeconds(3));

        assertThat(ShardedTradeRepository.toTrade(ShardedTradeRepository.toRow(open))).isEqualTo(open);
        assertThat(ShardedTradeRepository.toTrade(ShardedTradeRepository.toRow(paid))).isEqualTo(paid);
        assertThat(ShardedTradeRepository.toRow(open).paymentMethods).isEqualTo("WECHAT_QR,BALANCE");
    }

    @Test
    void anyMethodIsStoredAsNullAndReadBackEmpty() {
        TradeDO row = ShardedTradeRepository.toRow(trade(List.of()));

        assertThat(row.paymentMethods).isNull();
        assertThat(row.paidMethod).isNull();
        assertThat(ShardedTradeRepository.toTrade(row).paymentMethods()).isEmpty();
    }

    private static Trade trade(List<PayMethod> methods) {
        return Trade.open("T2026112210000003000000007", new CreateTradeCmd("M1", "ORDER-0001", TradeType.INSTANT,
                Money.cny(1000), "Coffee", null, "https://merchant.example/n", null, null, null, methods), NOW,
                Duration.ofMinutes(30));
    }
}
