package io.paysuite.cashier.notify;

import java.time.Instant;

/**
 * A merchant notification: one per trade event, its body built once.
 *
 * @param eventId       the trade event's id, also the body's {@code id}
 * @param eventType     API.md's {@code event_type}, e.g. {@code TRADE.SUCCESS}
 * @param body          the exact JSON sent on every attempt
 * @param attempts      scheduled attempts claimed so far
 * @param nextAttemptAt when the next scheduled attempt is due; null once final
 */
public record Notification(String eventId, String merchantId, String tradeNo, String eventType, String notifyUrl,
                           String body, NotificationStatus status, int attempts, Instant nextAttemptAt,
                           Instant createdAt, Instant deliveredAt) {

    /** A new notification, due at once. */
    public static Notification pending(String eventId, String merchantId, String tradeNo, String eventType,
                                       String notifyUrl, String body, Instant now) {
        return new Notification(eventId, merchantId, tradeNo, eventType, notifyUrl, body, NotificationStatus.PENDING,
                0, now, now, null);
    }

    /**
     * This new notification with its first scheduled attempt claimed by the one who stores it: stored so,
     * the row is born claimed and no other caller (a duplicated event, the sweeper, another instance) can
     * make that attempt; if its outcome is never recorded, the attempt counts as lost from {@code overdueAt}.
     */
    public Notification claimedFirst(Instant overdueAt) {
        return new Notification(eventId, merchantId, tradeNo, eventType, notifyUrl, body, status, 1, overdueAt, createdAt,
                deliveredAt);
    }
}
