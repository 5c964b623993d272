package io.paysuite.api.recon;

/** How a channel's bill and our records disagree about one payment or refund, or about the day's fees. */
public enum DifferenceType {
    /** In the channel's bill, not here (the channel is "long"). */
    CHANNEL_ONLY,
    /** Final here, not in the channel's bill (we are "long"). */
    PLATFORM_ONLY,
    /** Both have it, with different amounts. */
    AMOUNT_MISMATCH,
    /** The bill says it moved money, ours is not final as a success (processing, closed, failed). */
    STATUS_MISMATCH,
    /**
     * The day's channel fees in the bill differ from what the routing rules' rates give for the bill's lines (kind
     * {@link DifferenceKind#FEE}, one per batch at most).
     */
    FEE_MISMATCH
}
