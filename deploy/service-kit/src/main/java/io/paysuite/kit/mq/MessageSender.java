package io.paysuite.kit.mq;

import java.util.function.Consumer;
import org.apache.rocketmq.common.message.Message;

/** Stores a message at the broker, or throws: what a late follow-up needs, and what its tests replace. */
@FunctionalInterface
public interface MessageSender {

    /** @throws IllegalStateException when the broker did not store it, or may not have */
    void send(Message message);

    /**
     * Sends without waiting for the broker: exactly one of {@code stored} (the broker stored it) and {@code notStored}
     * (it did not, or may not have) runs later, on a thread of the client. For a message whose loss is repaired
     * elsewhere — an outbox row its relay resends, a pay order its check announces again — so that the caller's
     * answer does not wait for the broker's round trip. The callbacks must not throw and must not block.
     *
     * <p>This default sends synchronously on the caller's thread, then runs the callback: what a test's sender (a
     * lambda) does, so a test sees the callback run before the call returns.
     */
    default void sendThen(Message message, Runnable stored, Consumer<RuntimeException> notStored) {
        try {
            send(message);
        } catch (RuntimeException e) {
            notStored.accept(e);
            return;
        }
        stored.run();
    }
}
