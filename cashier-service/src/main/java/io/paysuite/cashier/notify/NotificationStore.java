package io.paysuite.cashier.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Notifications and their attempts, kept by cashier-service. Every change of a notification is a
 * compare-and-set on ({@code attempts}, {@code status}) and answers whether it won; the outcome of an
 * attempt is logged together with the change it causes.
 */
public interface NotificationStore {

    /** A PENDING notification and the scheduled attempts it has had. */
    record Due(String eventId, int attempts) {
    }

    /** An attempt of one of a trade's notifications. */
    record TradeAttempt(String eventType, NotificationAttempt attempt) {
    }

    /**
     * Stores a new notification; false when its event was stored before (a redelivered event), decided
     * by the event id's unique key in the same statement. A notification may be stored with its first
     * attempt claimed already ({@link Notification#claimedFirst}).
     */
    boolean insert(Notification n);

    Optional<Notification> find(String eventId);

    /**
     * Claims scheduled attempt {@code done + 1} of a PENDING notification; of any number of
     * callers (duplicate timers, the sweeper, other instances) exactly one gets true.
     *
     * @param overdueAt when the claimed attempt counts as lost if its outcome was never recorded
     */
    boolean claim(String eventId, int done, Instant overdueAt);

    /** Attempt {@code attempt} was acknowledged: logged, and DELIVERED; false (and still logged) if the row moved meanwhile. */
    boolean recordDelivered(String eventId, int attempt, Delivery delivery);

    /**
     * Gives back the claim of scheduled attempt {@code attempt} that was never started, so that it is
     * due again at {@code dueAt}; false when the notification is no longer at that attempt.
     */
    boolean release(String eventId, int attempt, Instant dueAt);

    /** Attempt {@code attempt} failed and the next is due at {@code nextAt}; false if the row moved meanwhile. */
    boolean recordFailed(String eventId, int attempt, Delivery delivery, Instant nextAt);

    /** The last scheduled attempt failed: logged, and GAVE_UP. */
    boolean recordGaveUp(String eventId, int attempt, Delivery delivery);

    /** Gives up a notification whose schedule ran out without a recorded last outcome (a crash). */
    boolean giveUp(String eventId, int attempts);

    /** An operator's resend: logged; when acknowledged the notification is DELIVERED, whatever it was. */
    void recordOperatorResend(String eventId, Delivery delivery);

    List<Due> overdue(Instant dueBefore, int limit);

    /** Newest first, without bodies. */
    List<Notification> list(NotificationStatus status, String tradeNo, int limit);

    List<NotificationAttempt> attempts(String eventId);

    List<TradeAttempt> attemptsOfTrade(String tradeNo);
}
