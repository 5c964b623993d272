package io.paysuite.channel.charge;

import java.time.Duration;

/**
 * When a payment-code order is looked at again. WeChat's and Alipay's guidance: while the buyer
 * confirms ({@code USERPAYING}) query every few seconds for about 30 s, then reverse (cancel) the
 * order; a reversal that is not yet definite is retried with growing gaps. Past the last gap the
 * order is left to pay-core's delayed checks and reconciliation, still {@code PROCESSING}.
 *
 * @param pollEvery   the gap between queries while waiting for the buyer
 * @param reverseAfter how long after the charge an unpaid order is reversed
 */
public record CodeSchedule(Duration pollEvery, Duration reverseAfter) {

    private static final Duration[] AFTER_REVERSAL = {Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1)};

    public static CodeSchedule standard() {
        return new CodeSchedule(Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** The gap before follow-up {@code attempt + 1}, or null when the schedule is over. */
    public Duration next(int attempt) {
        long polls = reverseAfter.toMillis() / pollEvery.toMillis();
        if (attempt < polls) {
            return pollEvery;
        }
        int late = (int) (attempt - polls);
        return late < AFTER_REVERSAL.length ? AFTER_REVERSAL[late] : null;
    }
}
