package io.paysuite.channel.adapter;

/**
 * What one channel answer means for the order. {@code FAILURE} is only ever a definite refusal or
 * a definite close; anything the adapter does not recognise is {@code UNKNOWN} (the order stays
 * {@code PROCESSING}), and {@code PENDING} is the channel saying "not decided yet".
 */
public enum Outcome {
    SUCCESS,
    FAILURE,
    PENDING,
    UNKNOWN,
    /** The channel does not know the order (yet): not failure, see {@code QrFollowUps}. */
    NOT_FOUND
}
