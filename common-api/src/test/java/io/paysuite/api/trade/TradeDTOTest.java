package io.paysuite.api.trade;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.money.Money;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TradeDTOTest {

    static final Instant PAID_AT = Instant.parse("2026-12-08T01:00:00.123Z");

    private static TradeDTO trade(TradeStatus status, Instant paidAt) {
        return new TradeDTO("T1", "M1", "O1", TradeType.INSTANT, status, Money.cny(1234), Money.cny(1234), Money.cny(0),
                "tea", null, null, null, null, PAID_AT.plusSeconds(600), PAID_AT.minusSeconds(5), paidAt, null);
    }

    @Test
    void aTradeRecordsThePaymentOfThePayOrderThatSucceededAtItsPaymentTime() {
        assertThat(trade(TradeStatus.SUCCESS, PAID_AT).recordsPayment("T1", PAID_AT)).isTrue();
        assertThat(trade(TradeStatus.AUTHORIZED, PAID_AT).recordsPayment("T1", PAID_AT)).isTrue();
        assertThat(trade(TradeStatus.FINISHED, PAID_AT).recordsPayment("T1", PAID_AT)).as("paid, then confirmed").isTrue();
    }

    @Test
    void anotherTradeAnotherTimeOrAnUnpaidStateIsNotThatPayment() {
        assertThat(trade(TradeStatus.SUCCESS, PAID_AT).recordsPayment("T2", PAID_AT)).isFalse();
        assertThat(trade(TradeStatus.SUCCESS, PAID_AT.plusMillis(1)).recordsPayment("T1", PAID_AT))
                .as("paid by another pay order").isFalse();
        assertThat(trade(TradeStatus.PAYING, null).recordsPayment("T1", PAID_AT)).isFalse();
        assertThat(trade(TradeStatus.CLOSED, null).recordsPayment("T1", PAID_AT)).isFalse();
        assertThat(trade(TradeStatus.SUCCESS, PAID_AT).recordsPayment("T1", null)).isFalse();
    }

    @Test
    void thePaidStatesAreThoseAPaymentLeavesAndWhatAPaidTradeBecomes() {
        assertThat(Arrays.stream(TradeStatus.values()).filter(TradeStatus::isPaid))
                .containsExactlyInAnyOrder(TradeStatus.SUCCESS, TradeStatus.FINISHED, TradeStatus.AUTHORIZED,
                        TradeStatus.CAPTURED, TradeStatus.VOIDED);
    }
}
