package io.paysuite.api.recon;

/**
 * How a difference was resolved. The {@code AUTO_*} ones and {@code SELF_HEALED} are the system's;
 * {@code ACCEPT}, {@code REFUND} and {@code ADJUST} are the operators' (always with a reason).
 */
public enum ResolutionAction {
    /** Our order was still processing and the bill says paid: settled through the normal settle path. */
    AUTO_SETTLED,
    /** A payment nobody of ours owns: the buyer was paid back through the channel. */
    AUTO_REFUNDED,
    /** Only here after the day closed: the channel's query confirmed our record; its bill lists it another day. */
    AUTO_CONFIRMED,
    /** Gone on a later run: what disagreed agrees now (our order settled since, the channel's bill corrected). */
    SELF_HEALED,
    /** Operator: the channel's figure is accepted; the difference is booked to reconciliation suspense. */
    ACCEPT,
    /** Operator: a payment only at the channel is refunded to the buyer through the channel. */
    REFUND,
    /** Operator: the ledger is corrected by the difference against reconciliation suspense. */
    ADJUST;

    public boolean byOperator() {
        return this == ACCEPT || this == REFUND || this == ADJUST;
    }
}
