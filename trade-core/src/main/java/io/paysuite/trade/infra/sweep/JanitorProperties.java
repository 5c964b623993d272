package io.paysuite.trade.infra.sweep;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.trade.janitor.*}: how often trade-core's janitor looks for in-flight work whose
 * timer or message was lost, and how old it must be to count as lost. The ages are well past the
 * schedules that normally finish the work, so a sweep usually finds nothing.
 *
 * @param every       how often each instance runs the slow sweeps (paying trades, refunds, escrow releases,
 *                    events): their ages are minutes, so once a minute is plenty and costs nothing idle
 * @param payingAge   a trade {@code PAYING} this long is checked against its pay order (pay-core's checks
 *                    fire after 10 s; a QR trade may stay PAYING until it expires, and then costs one read)
 * @param refundAge   a refund {@code PROCESSING} this long is completed again (the consumer retries after
 *                    10 s, 30 s, 1 min …)
 * @param releaseAge  a confirmed trade whose escrow release is unanswered this long is released again
 * @param eventAge    an event not confirmed at the broker this long is published again; longer than the
 *                    broker's whole check-back budget (15 checks 30 s apart), so the sweep never races it
 * @param expiredAge  a trade still {@code WAIT_PAY} this long after its expiry is closed: its timer was lost
 *                    (or never set: an arm waiting its grace in a process that was killed).
 *                    Short, because a payment-code trade must be final within a minute of its creation
 *                    (its expiry is 45 s) and a till must never wait on a trade nobody pays; racing a late
 *                    timer is harmless (the close is a compare-and-set)
 * @param batch       at most this many rows per sweep and round
 * @param expiredEvery how often each instance looks for expired unpaid trades, on its own: with the 45-s
 *                    payment-code expiry and {@code expiredAge} it keeps "final within the minute" even for
 *                    a lost timer (45 s + 3 s + 10 s), at one indexed read per trade table every 10 s
 */
@ConfigurationProperties("paysuite.trade.janitor")
public record JanitorProperties(
        @DefaultValue("1m") Duration every,
        @DefaultValue("5m") Duration payingAge,
        @DefaultValue("10m") Duration refundAge,
        @DefaultValue("10m") Duration releaseAge,
        @DefaultValue("15m") Duration eventAge,
        @DefaultValue("3s") Duration expiredAge,
        @DefaultValue("100") int batch,
        @DefaultValue("10s") Duration expiredEvery) {

    /** Defaults throughout. */
    public static JanitorProperties defaults() {
        return new JanitorProperties(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(10),
                Duration.ofMinutes(15), Duration.ofSeconds(3), 100, Duration.ofSeconds(10));
    }

    /** How late after its expiry a trade whose timer was lost is closed at the latest (one round, plus its age). */
    public Duration latestLostExpiryClose() {
        return expiredAge.plus(expiredEvery);
    }

    /** The broker gives up on a half message after 15 check-backs, 30 s apart. */
    static final Duration BROKER_CHECK_BUDGET = Duration.ofSeconds(15 * 30);

    public JanitorProperties {
        for (Duration d : new Duration[] {every, payingAge, refundAge, releaseAge, eventAge, expiredAge, expiredEvery}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("paysuite.trade.janitor periods and ages must be positive");
            }
        }
        if (eventAge.compareTo(BROKER_CHECK_BUDGET) <= 0) {
            throw new IllegalArgumentException("paysuite.trade.janitor.event-age (" + eventAge + ") must exceed the broker's"
                    + " check-back budget (" + BROKER_CHECK_BUDGET + "), or it publishes events the broker is still resolving");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("paysuite.trade.janitor.batch must be positive");
        }
    }
}
