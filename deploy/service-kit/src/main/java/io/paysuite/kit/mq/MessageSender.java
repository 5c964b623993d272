package io.paysuite.kit.mq;

import org.apache.rocketmq.common.message.Message;

/** Stores a message at the broker, or throws: what a late follow-up needs, and what its tests replace. */
@FunctionalInterface
public interface MessageSender {

    /** @throws IllegalStateException when the broker did not store it, or may not have */
    void send(Message message);
}
