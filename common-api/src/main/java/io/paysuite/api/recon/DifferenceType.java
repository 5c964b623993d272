package io.paysuite.api.recon;

/** How a channel's bill and our records disagree about one payment or refund. */
public enum DifferenceType {
    /** In the channel's bill, not here (the channel is "long"). */
    CHANNEL_ONLY,
    /** Final here, not in the channel's bill (we are "long"). */
    PLATFORM_ONLY,
    /** Both have it, with different amounts. */
    AMOUNT_MISMATCH,
    /** The bill says it moved money, ours is not final as a success (processing, closed, failed). */
    STATUS_MISMATCH
}
