package io.paysuite.api.recon;

/** What a difference is about. An open set: payouts reconcile against the payout channel's bill the same way. */
public enum DifferenceKind {
    PAYMENT,
    REFUND,
    PAYOUT,
    /** The bill day's channel fees as a whole: a batch-level difference, not one line's. */
    FEE
}
