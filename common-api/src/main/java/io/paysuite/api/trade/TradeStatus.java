package io.paysuite.api.trade;

/**
 * Trade states (see API.md "Trades"): {@code WAIT_PAY → PAYING → SUCCESS}, {@code WAIT_PAY → CLOSED},
 * for guarantee trades {@code SUCCESS → FINISHED}, for pre-authorisations
 * {@code PAYING → AUTHORIZED → CAPTURED | VOIDED}. {@code CLOSED}, {@code FINISHED}, {@code CAPTURED}
 * and {@code VOIDED} are final.
 */
public enum TradeStatus {
    WAIT_PAY,
    PAYING,
    SUCCESS,
    CLOSED,
    FINISHED,
    /** A {@code PREAUTH} trade paid: the amount is frozen on the buyer's side, nothing is the merchant's yet. */
    AUTHORIZED,
    /** A {@code PREAUTH} trade captured once: the captured part went to the merchant, the rest back to the buyer. */
    CAPTURED,
    /** A {@code PREAUTH} trade voided (by the merchant or at expiry): everything went back to the buyer. */
    VOIDED;

    public boolean isFinal() {
        return this == CLOSED || this == FINISHED || this == CAPTURED || this == VOIDED;
    }

    /** A state a recorded payment leaves: paid ({@code SUCCESS}, {@code AUTHORIZED}) or what a paid trade becomes. */
    public boolean isPaid() {
        return this == SUCCESS || this == FINISHED || this == AUTHORIZED || this == CAPTURED || this == VOIDED;
    }
}
