package io.paysuite.pay.order;

/**
 * A delayed "look at this pay order again" that survives a crash of this process: set before the
 * trade is taken and money moves, it lets another instance (or this one restarted) finish or
 * abandon an attempt whose process died. Implemented in {@code infra.check} as a RocketMQ timer
 * message; pay-core's janitor ({@code infra.sweep.PayJanitor}) is only the backstop for a lost one.
 */
public interface PayChecks {

    /**
     * Sets the first check of a pay order just opened: sooner for a payment code (see {@link CodeCheckPace}).
     *
     * @throws RuntimeException when the check cannot be set (then nothing may move)
     */
    void schedule(PayOrder order);
}
