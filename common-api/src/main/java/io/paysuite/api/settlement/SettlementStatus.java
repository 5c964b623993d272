package io.paysuite.api.settlement;

/**
 * A settlement's state. {@code PROCESSING} while its payout has no final answer (or the payout was
 * not sent yet); {@code PAID} once the payout succeeded, or at once when there was nothing to pay
 * (a net of zero or less, carried forward); {@code FAILED} when the payout definitely failed and the
 * money went back to the merchant's available balance (the next settlement pays it).
 */
public enum SettlementStatus {
    PROCESSING,
    PAID,
    FAILED;

    public boolean isFinal() {
        return this != PROCESSING;
    }
}
