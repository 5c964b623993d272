package io.paysuite.trade.order;

import io.paysuite.trade.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.money.Money;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What this instance remembers of trades it saw become final: only final ones, only lately, only so many. */
class RecentlyFinalTradesTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration RETAIN = Duration.ofSeconds(20);

    final MovableClock clock = new MovableClock(NOW);

    static TradeDTO trade(String tradeNo, TradeStatus status) {
        return new TradeDTO(tradeNo, "M1", "O-" + tradeNo, TradeType.INSTANT, status, Money.cny(100), null, null, "subject",
                null, null, null, null, NOW.plusSeconds(45), NOW, null, null, List.of(), List.of(), null);
    }

    @Test
    void theStatesPastExpiryAreThoseWithNoWayBackToWaitingForPaymentOrAuthorised() {
        assertThat(RecentlyFinalTrades.PAST_EXPIRY).containsExactlyInAnyOrder(TradeStatus.SUCCESS, TradeStatus.CLOSED,
                TradeStatus.FINISHED, TradeStatus.CAPTURED, TradeStatus.VOIDED);
    }

    @Test
    void onlyATradeCommittedInAStatePastExpiryIsRemembered() {
        RecentlyFinalTrades recent = new RecentlyFinalTrades(10, RETAIN, clock);

        recent.changed("PAID", trade("PAID", TradeStatus.SUCCESS));
        recent.changed("PAYING", trade("PAYING", TradeStatus.PAYING));
        recent.changed("WAITING", trade("WAITING", TradeStatus.WAIT_PAY));
        recent.changed("AUTHORIZED", trade("AUTHORIZED", TradeStatus.AUTHORIZED));
        recent.changed("NO_TRADE", null);
        recent.changed("OTHER", trade("PAID_TOO", TradeStatus.SUCCESS));

        assertThat(recent.seenFinal("PAID")).isTrue();
        assertThat(recent.seenFinal("PAYING")).isFalse();
        assertThat(recent.seenFinal("WAITING")).isFalse();
        assertThat(recent.seenFinal("AUTHORIZED")).isFalse();
        assertThat(recent.seenFinal("NO_TRADE")).isFalse();
        assertThat(recent.seenFinal("OTHER")).isFalse();
        assertThat(recent.size()).isEqualTo(1);
    }

    @Test
    void atMostCapacityTradesAreRememberedTheOldestForgottenFirst() {
        RecentlyFinalTrades recent = new RecentlyFinalTrades(3, RETAIN, clock);

        for (int i = 1; i <= 5; i++) {
            recent.changed("T" + i, trade("T" + i, TradeStatus.SUCCESS));
        }

        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.seenFinal("T1")).isFalse();
        assertThat(recent.seenFinal("T2")).isFalse();
        assertThat(recent.seenFinal("T3")).isTrue();
        assertThat(recent.seenFinal("T5")).isTrue();
    }

    @Test
    void aTradeIsRememberedForTheRetentionOnlyAndForgottenWithTheNextChange() {
        RecentlyFinalTrades recent = new RecentlyFinalTrades(100, RETAIN, clock);
        recent.changed("T1", trade("T1", TradeStatus.SUCCESS));

        clock.set(NOW.plus(RETAIN));
        assertThat(recent.seenFinal("T1")).isTrue();

        clock.set(NOW.plus(RETAIN).plusMillis(1));
        assertThat(recent.seenFinal("T1")).isFalse();

        recent.changed("T2", trade("T2", TradeStatus.CLOSED));
        assertThat(recent.size()).as("the old one gone from memory too").isEqualTo(1);
    }

    @Test
    void aTradeSeenFinalAgainIsRememberedFromTheLaterTime() {
        RecentlyFinalTrades recent = new RecentlyFinalTrades(2, RETAIN, clock);
        recent.changed("T1", trade("T1", TradeStatus.SUCCESS));
        recent.changed("T2", trade("T2", TradeStatus.SUCCESS));
        clock.set(NOW.plusSeconds(5));
        recent.changed("T1", trade("T1", TradeStatus.FINISHED));

        recent.changed("T3", trade("T3", TradeStatus.SUCCESS));

        assertThat(recent.seenFinal("T1")).isTrue();
        assertThat(recent.seenFinal("T2")).as("now the oldest").isFalse();
    }
}
