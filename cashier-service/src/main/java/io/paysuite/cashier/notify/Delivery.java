package io.paysuite.cashier.notify;

import java.time.Instant;

/**
 * What one POST to a merchant's notify_url came to.
 *
 * @param at         when it was sent
 * @param httpStatus the answer's status, or null when none came (timeout, connection refused, …)
 * @param error      why it did not acknowledge, or null when it did
 * @param durationMs from sending to the answer (or to giving up on it)
 */
public record Delivery(Instant at, Integer httpStatus, String error, long durationMs) {

    /**
     * A load-test notification: never sent, because its notify_url is the real merchant's; recorded (on the
     * shadow side) as acknowledged with 204 so that its schedule ends there.
     */
    public static Delivery suppressed(Instant at) {
        return new Delivery(at, 204, null, 0);
    }

    /** API.md: a 2xx answer within the timeout acknowledges. */
    public boolean acknowledged() {
        return error == null && httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }
}
