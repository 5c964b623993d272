package io.paysuite.trade.expiry;

import io.paysuite.trade.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.money.Money;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.trade.order.RecentlyFinalTrades;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A trade's expiry timer is armed after a grace, and not at all for a trade seen final meanwhile. */
class ExpiryArmingTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration GRACE = Duration.ofSeconds(10);
    /** A payment-code trade's expiry. */
    static final Duration PAYMENT_CODE = Duration.ofSeconds(45);

    record Timer(String tradeNo, Instant expireAt) {
    }

    final MovableClock clock = new MovableClock(NOW);
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final List<Timer> timers = new ArrayList<>();
    final Set<String> brokerRefuses = new HashSet<>();
    final Set<String> markedAsLoadTest = new HashSet<>();
    final ExpiryTimers broker = (tradeNo, expireAt) -> {
        if (brokerRefuses.contains(tradeNo)) {
            throw new IllegalStateException("cannot set the expiry timer of trade " + tradeNo);
        }
        timers.add(new Timer(tradeNo, expireAt));
        if (ShadowContext.active()) {
            markedAsLoadTest.add(tradeNo);
        }
    };
    final RecentlyFinalTrades recentlyFinal = new RecentlyFinalTrades(1000, GRACE.multipliedBy(2), clock);
    ExpiryArming arming = arming(100);
    TradeExpiry expiry = new TradeExpiry(broker, arming, null, null, clock, null);

    ExpiryArming arming(int capacity) {
        return new ExpiryArming(broker, recentlyFinal, GRACE, capacity, clock, () -> scheduler);
    }

    @BeforeEach
    void start() {
        arming.start();
    }

    static TradeDTO trade(String tradeNo, TradeType type, TradeStatus status, Instant expireAt) {
        return new TradeDTO(tradeNo, "M1", "O-" + tradeNo, type, status, Money.cny(100), null, null, "expiry test", null,
                null, null, null, expireAt, NOW, null, null, List.of(), List.of(), null);
    }

    static TradeDTO created(String tradeNo, Duration expiresIn) {
        return trade(tradeNo, TradeType.INSTANT, TradeStatus.WAIT_PAY, NOW.plus(expiresIn));
    }

    void committed(String tradeNo, TradeStatus status) {
        recentlyFinal.changed(tradeNo, trade(tradeNo, TradeType.INSTANT, status, NOW.plus(PAYMENT_CODE)));
    }

    void pass(Duration time) {
        clock.advance(time);
        scheduler.runDue();
    }

    @Test
    void aTradePaidWithinTheGraceSetsNoTimerAtAll() {
        expiry.created(created("T1", PAYMENT_CODE));
        clock.advance(Duration.ofMillis(100));
        committed("T1", TradeStatus.SUCCESS);

        pass(GRACE);

        assertThat(timers).isEmpty();
        assertThat(arming.waiting()).isZero();
        assertThat(scheduler.scheduled()).as("nothing ticks while nothing waits").isZero();
    }

    @Test
    void aTradeStillWaitingForPaymentAfterTheGraceGetsItsTimerAsBefore() {
        expiry.created(created("T1", PAYMENT_CODE));

        pass(GRACE.minusMillis(1));
        assertThat(timers).isEmpty();

        pass(Duration.ofMillis(1));
        assertThat(timers).containsExactly(new Timer("T1", NOW.plus(PAYMENT_CODE)));
    }

    @Test
    void aTradeBeingPaidOrAuthorisedIsNotFinalForItsExpiry() {
        expiry.created(created("PAYING", PAYMENT_CODE));
        expiry.created(created("AUTHORIZED", PAYMENT_CODE));
        committed("PAYING", TradeStatus.PAYING); // may still fail and go back to WAIT_PAY
        committed("AUTHORIZED", TradeStatus.AUTHORIZED); // voided at expiry

        pass(GRACE);

        assertThat(timers).extracting(Timer::tradeNo).containsExactly("PAYING", "AUTHORIZED");
    }

    @Test
    void aTradeClosedByTheMerchantWithinTheGraceSetsNoTimerEither() {
        expiry.created(created("T1", PAYMENT_CODE));
        committed("T1", TradeStatus.CLOSED);

        pass(GRACE);

        assertThat(timers).isEmpty();
    }

    @Test
    void aTradeExpiringWithinTheGraceGetsItsTimerAtOnce() {
        expiry.created(created("T1", GRACE));
        expiry.created(created("T2", Duration.ofSeconds(5)));

        assertThat(timers).containsExactly(new Timer("T1", NOW.plus(GRACE)), new Timer("T2", NOW.plusSeconds(5)));
        assertThat(arming.waiting()).isZero();
    }

    @Test
    void aPreAuthorisationGetsItsTimerAtOnceForTheSweepDoesNotVoidOne() {
        expiry.created(trade("T1", TradeType.PREAUTH, TradeStatus.WAIT_PAY, NOW.plus(Duration.ofDays(7))));

        assertThat(timers).containsExactly(new Timer("T1", NOW.plus(Duration.ofDays(7))));
        assertThat(arming.waiting()).isZero();
    }

    @Test
    void anArmBeyondTheCapacitySetsItsTimerAtOnce() {
        arming = arming(2);
        arming.start();
        expiry = new TradeExpiry(broker, arming, null, null, clock, null);

        expiry.created(created("T1", PAYMENT_CODE));
        expiry.created(created("T2", PAYMENT_CODE));
        expiry.created(created("T3", PAYMENT_CODE));

        assertThat(timers).containsExactly(new Timer("T3", NOW.plus(PAYMENT_CODE)));
        assertThat(arming.waiting()).isEqualTo(2);
        pass(GRACE);
        assertThat(timers).extracting(Timer::tradeNo).containsExactly("T3", "T1", "T2");
    }

    @Test
    void stoppingArmsEveryTimerStillWaitingAtOnceButNoneForATradeSeenFinal() {
        expiry.created(created("T1", PAYMENT_CODE));
        clock.advance(Duration.ofSeconds(1));
        expiry.created(created("T2", PAYMENT_CODE));
        expiry.created(created("PAID", PAYMENT_CODE));
        committed("PAID", TradeStatus.SUCCESS);

        arming.stop();

        assertThat(timers).containsExactly(new Timer("T1", NOW.plus(PAYMENT_CODE)), new Timer("T2", NOW.plus(PAYMENT_CODE)));
        assertThat(arming.waiting()).isZero();
        assertThat(scheduler.isShutdown()).isTrue();
        assertThat(arming.isRunning()).isFalse();
    }

    @Test
    void afterTheStopATimerIsSetAtOnceAsBefore() {
        arming.stop();

        expiry.created(created("T1", PAYMENT_CODE));

        assertThat(timers).containsExactly(new Timer("T1", NOW.plus(PAYMENT_CODE)));
    }

    @Test
    void beforeTheStartATimerIsSetAtOnce() {
        ExpiryArming notStarted = arming(100);

        notStarted.arm("T1", NOW.plus(PAYMENT_CODE));

        assertThat(timers).containsExactly(new Timer("T1", NOW.plus(PAYMENT_CODE)));
    }

    @Test
    void aTimerSetAtOnceThatTheBrokerRefusesFailsTheMessageSoItComesBack() {
        brokerRefuses.add("T1");

        assertThatThrownBy(() -> expiry.created(created("T1", Duration.ofSeconds(5))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anArmTheBrokerRefusesIsTriedAgainAfterAnotherGrace() {
        expiry.created(created("T1", PAYMENT_CODE));
        brokerRefuses.add("T1");

        pass(GRACE);
        assertThat(timers).isEmpty();
        assertThat(arming.waiting()).isEqualTo(1);

        brokerRefuses.clear();
        pass(GRACE);
        assertThat(timers).containsExactly(new Timer("T1", NOW.plus(PAYMENT_CODE)));
        assertThat(arming.waiting()).isZero();
    }

    @Test
    void armsQueuedAtDifferentTimesAreEachSetAfterTheirOwnGrace() {
        expiry.created(created("T1", PAYMENT_CODE));
        clock.advance(Duration.ofSeconds(4));
        expiry.created(created("T2", PAYMENT_CODE));

        pass(Duration.ofSeconds(6));
        assertThat(timers).extracting(Timer::tradeNo).containsExactly("T1");

        pass(Duration.ofSeconds(4));
        assertThat(timers).extracting(Timer::tradeNo).containsExactly("T1", "T2");
    }

    @Test
    void withoutAGraceEveryTimerIsSetAtOnce() {
        ExpiryArming none = new ExpiryArming(broker, recentlyFinal, Duration.ZERO, 100, clock, () -> scheduler);
        none.start();

        none.arm("T1", NOW.plus(PAYMENT_CODE));

        assertThat(timers).containsExactly(new Timer("T1", NOW.plus(PAYMENT_CODE)));
    }

    @Test
    void aLoadTestTradesTimerIsMarkedAsLoadTrafficThoughTheArmingThreadIsNot() {
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            expiry.created(created("LOAD", PAYMENT_CODE));
        }
        expiry.created(created("REAL", PAYMENT_CODE));

        pass(GRACE);

        assertThat(timers).extracting(Timer::tradeNo).containsExactly("LOAD", "REAL");
        assertThat(markedAsLoadTest).containsExactly("LOAD");
    }
}
