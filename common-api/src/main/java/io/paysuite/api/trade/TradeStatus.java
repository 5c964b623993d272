package io.paysuite.api.trade;

/**
 * Trade states (see API.md "Trades"): {@code WAIT_PAY → PAYING → SUCCESS}, {@code WAIT_PAY → CLOSED},
 * and for guarantee trades {@code SUCCESS → FINISHED}. {@code CLOSED} and {@code FINISHED} are final.
 */
public enum TradeStatus {
    WAIT_PAY,
    PAYING,
    SUCCESS,
    CLOSED,
    FINISHED;

    public boolean isFinal() {
        return this == CLOSED || this == FINISHED;
    }
}
