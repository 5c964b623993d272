package io.paysuite.pay.order;

import java.time.Duration;

/**
 * A delayed "look at this pay order again" that survives a crash of this process: stored before
 * money moves, it lets another instance (or this one restarted) finish or abandon an attempt whose
 * process died. Implemented in {@code infra.check} as a RocketMQ timer message; pay-core's janitor
 * ({@code infra.sweep.PayJanitor}) is only the backstop for a lost one.
 */
public interface PayChecks {

    /**
     * Sets the first check of a pay order just opened: sooner for a payment code (see {@link CodeCheckPace}).
     *
     * @throws RuntimeException when the check cannot be set (then nothing may move)
     */
    void schedule(PayOrder order);

    /**
     * Sends the first check of a pay order just opened without waiting for the broker, so that the trade can be
     * taken meanwhile; nothing may be charged before {@link PendingCheck#awaitStored} returns. Never throws: a check
     * that cannot be sent is answered not stored.
     *
     * <p>This default stores it synchronously with {@link #schedule}, before it returns: what a test's checks (a
     * lambda) do.
     */
    default PendingCheck start(PayOrder order) {
        PendingCheck check = PendingCheck.sending(Duration.ZERO);
        try {
            schedule(order);
        } catch (RuntimeException notStored) {
            check.notStored(notStored);
            return check;
        }
        check.stored();
        return check;
    }
}
