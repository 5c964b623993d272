package io.paysuite.api.recon;

/** What a difference is about. An open set: payouts reconcile against the payout channel's bill the same way. */
public enum DifferenceKind {
    PAYMENT,
    REFUND,
    PAYOUT
}
