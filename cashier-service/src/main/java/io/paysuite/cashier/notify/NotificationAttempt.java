package io.paysuite.cashier.notify;

import java.time.Instant;

/**
 * One logged POST of a notification.
 *
 * @param attemptNo the scheduled attempt's number (1 = the first), or null for an operator's resend
 * @param kind      {@link #SCHEDULED} or {@link #OPERATOR}
 */
public record NotificationAttempt(long id, String eventId, Integer attemptNo, String kind, Instant attemptedAt,
                                  Integer httpStatus, String error, long durationMs) {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String OPERATOR = "OPERATOR";

    public boolean acknowledged() {
        return new Delivery(attemptedAt, httpStatus, error, durationMs).acknowledged();
    }
}
