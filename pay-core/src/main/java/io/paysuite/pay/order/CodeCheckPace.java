package io.paysuite.pay.order;

import io.paysuite.api.pay.PayMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How often a payment-code pay order is looked at while its till waits. A till promises its
 * cashier an answer within a minute, so a code order that is not final is checked every
 * {@code every} until {@code until} after its creation instead of at the broker's widening backoff
 * (10 s, 20 s, 50 s, 110 s …): when the process or the channel edge that held it comes back after a
 * crash, the next check is seconds away, not a minute. Other orders (QR codes that wait for a
 * scan, cards, the wallet) keep the backoff: nobody stands at a till for them.
 *
 * @param every how long between checks of a young payment-code order
 * @param until how long after its creation a payment-code order is checked at that pace
 */
public record CodeCheckPace(Duration every, Duration until) {

    public CodeCheckPace {
        if (every == null || every.isNegative() || every.isZero() || until == null || until.isNegative()) {
            throw new IllegalArgumentException("a payment-code check pace needs a positive period and a non-negative span");
        }
    }

    /** When to look at this order again, if it is a young payment-code order; empty for the broker's backoff. */
    public Optional<Duration> next(PayMethod method, Instant createdAt, Instant now) {
        if (method == null || !method.paymentCode() || createdAt == null || !now.isBefore(createdAt.plus(until))) {
            return Optional.empty();
        }
        return Optional.of(every);
    }
}
