package io.paysuite.api.channel;

/**
 * A channel order's state. {@code CREATED}: recorded, the channel has not (knowingly) accepted it;
 * {@code PROCESSING}: the channel accepted it or its answer is unknown — only the channel's
 * definite answer (sync, notification or query) leaves it; {@code REVERSING}: a payment code the buyer
 * did not confirm in time is being reversed, and only the reversal's answer decides it (a reversal also
 * returns money the buyer paid meanwhile, so a success seen now is not the order's result);
 * {@code SUCCESS}/{@code FAILED} are final. Callers of the gateway see {@code REVERSING} as {@code PROCESSING}.
 */
public enum ChannelOrderStatus {
    CREATED,
    PROCESSING,
    REVERSING,
    SUCCESS,
    FAILED;

    public boolean isFinal() {
        return this == SUCCESS || this == FAILED;
    }
}
