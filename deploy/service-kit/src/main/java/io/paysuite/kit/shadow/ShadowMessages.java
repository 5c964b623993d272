package io.paysuite.kit.shadow;

import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The mark on RocketMQ: every message the kit sends while the mark is set carries
 * {@value ShadowContext#PROPERTY}, and every handler (and transactional check-back) runs with the mark its
 * message carries. Timers, broker retries and late copies are messages too, so a load-test follow-up an
 * hour later is still load traffic, whichever instance takes it. Called from the kit's producers and
 * consumer only; no service touches it.
 */
public final class ShadowMessages {

    /** What a handling does; may throw what the handler throws. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        T run() throws E;
    }

    private ShadowMessages() {
    }

    /** Marks {@code message} when the current work is load traffic; returns it. */
    public static <M extends Message> M mark(M message) {
        if (ShadowContext.active()) {
            message.putUserProperty(ShadowContext.PROPERTY, ShadowContext.MARKED);
        }
        return message;
    }

    /** Whether {@code message} is load traffic. */
    public static boolean marked(Message message) {
        return ShadowContext.marks(message.getUserProperty(ShadowContext.PROPERTY));
    }

    /** Runs {@code step} with exactly the mark {@code message} carries. */
    public static <T, E extends Exception> T restoring(MessageExt message, Step<T, E> step) throws E {
        boolean marked = marked(message);
        if (marked) {
            ShadowContext.requireAccepted("message " + message.getTopic() + " " + message.getKeys()); // it comes back later
        }
        try (ShadowContext.Scope ignored = ShadowContext.enter(marked)) {
            return step.run();
        }
    }
}
