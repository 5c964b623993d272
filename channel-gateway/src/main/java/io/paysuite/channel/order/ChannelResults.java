package io.paysuite.channel.order;

/** Tells pay-core that a channel order became final, so it finishes the pay order without waiting for its next check. */
public interface ChannelResults {

    /** Best effort: the pay order's own delayed checks still find the result if this is lost. */
    void finished(ChannelOrder order);
}
