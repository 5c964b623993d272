package io.paysuite.api.pay;

import java.io.Serializable;
import java.util.List;

/**
 * The pay orders of several trades at once, for an internal caller that checks many trades in one
 * round: at most {@link #MAX_TRADES} trade numbers, else {@code PARAM_ERROR}. A repeated number is
 * read once.
 */
public record PayOrdersOfTradesQry(List<String> tradeNos) implements Serializable {

    /** The most trade numbers one query may name (a trade may have several pay orders: the answer may be longer). */
    public static final int MAX_TRADES = 500;

    public PayOrdersOfTradesQry {
        tradeNos = tradeNos == null ? null : List.copyOf(tradeNos);
    }
}
