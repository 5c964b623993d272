package io.paysuite.api.channel;

/**
 * A refund at a channel: its own states, not the channel order's. {@code CREATED}: recorded, nothing
 * has reached the channel (our guard may have held it back); {@code PROCESSING}: sent, and the channel
 * accepted it or its answer is unknown — only the channel's definite answer leaves it;
 * {@code SUCCESS} (the buyer gets the money back) and {@code FAILED} (definitely refused, nothing
 * returned) are final. Callers never see {@code CREATED}: to them a refund not yet sent is in progress.
 */
public enum ChannelRefundStatus {
    CREATED,
    PROCESSING,
    SUCCESS,
    FAILED;

    public boolean isFinal() {
        return this == SUCCESS || this == FAILED;
    }
}
