package io.paysuite.api.trade;

import java.io.Serializable;
import java.util.List;

/**
 * Find several trades by trade number at once, for an internal caller that checks many trades in
 * one round (accounting's internal reconciliation): at most {@link #MAX_TRADES} numbers, else
 * {@code PARAM_ERROR}. No merchant filter: internal callers see any trade, as with
 * {@link TradeByNoQry#internal}. A repeated number is read once.
 */
public record TradesByNoQry(List<String> tradeNos) implements Serializable {

    /** The most trade numbers one query may name: one round of checks, with room to spare. */
    public static final int MAX_TRADES = 500;

    public TradesByNoQry {
        tradeNos = tradeNos == null ? null : List.copyOf(tradeNos);
    }
}
