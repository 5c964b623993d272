package io.paysuite.api.recon;

/**
 * What a reconciliation batch reconciles: a charge channel's trade bill (payments and refunds), or the payout
 * channel's account bill (transfers out and the bank's returns). One batch per kind, channel and bill date.
 */
public enum ReconKind {
    TRADE,
    PAYOUT
}
