package io.paysuite.kit.mq;

import org.apache.rocketmq.common.message.MessageExt;

/** Handles one delivered message; delivery is at least once, so a handler is idempotent. */
@FunctionalInterface
public interface MessageHandler {

    /** @throws Exception counts as {@link Handled#RETRY}; the failure is logged */
    Handled handle(MessageExt message) throws Exception;
}
