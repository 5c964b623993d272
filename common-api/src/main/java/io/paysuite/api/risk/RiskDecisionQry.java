package io.paysuite.api.risk;

import java.io.Serializable;

/** Filters on recent risk decisions; every null filter matches all. {@code limit} is capped at 200. */
public record RiskDecisionQry(int limit, String buyerId, String merchantId, String tradeNo, RiskAction action)
        implements Serializable {

    public static final int MAX_LIMIT = 200;

    public int cappedLimit() {
        return Math.max(1, Math.min(limit <= 0 ? 50 : limit, MAX_LIMIT));
    }
}
