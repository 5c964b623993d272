package io.paysuite.api.channel;

/**
 * A channel order's state. {@code CREATED}: recorded, the channel has not (knowingly) accepted it;
 * {@code PROCESSING}: the channel accepted it or its answer is unknown — only the channel's
 * definite answer (sync, notification or query) leaves it; {@code SUCCESS}/{@code FAILED} are final.
 */
public enum ChannelOrderStatus {
    CREATED,
    PROCESSING,
    SUCCESS,
    FAILED;

    public boolean isFinal() {
        return this == SUCCESS || this == FAILED;
    }
}
