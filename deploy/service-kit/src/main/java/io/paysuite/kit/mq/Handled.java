package io.paysuite.kit.mq;

/** What a handler made of one message. */
public enum Handled {
    /** Finished (or nothing to do): the message is consumed. */
    DONE,
    /** The outcome is not known yet: the message comes back with the broker's backoff (or as a late copy). */
    RETRY;

    public static Handled doneIf(boolean done) {
        return done ? DONE : RETRY;
    }
}
