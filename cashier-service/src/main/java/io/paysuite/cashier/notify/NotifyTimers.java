package io.paysuite.cashier.notify;

import java.time.Instant;

/**
 * The retry schedule lives in the broker, not in this process: the next attempt of a failed
 * notification is a durable timer. It survives a restart or a crash of every cashier-service instance
 * and is taken by whichever instance is up when it fires. A timer may come twice or early (the timer
 * wheel ticks once a second); the claim in the database and the due time kept there make that harmless.
 */
public interface NotifyTimers {

    /** Arms attempt {@code attempt} of the notification to fire at {@code at}; throws if the broker did not take it. */
    void arm(String eventId, int attempt, Instant at);
}
