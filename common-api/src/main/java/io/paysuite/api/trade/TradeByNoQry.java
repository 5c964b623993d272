package io.paysuite.api.trade;

import java.io.Serializable;

/**
 * Find a trade by its trade number. When {@code merchantId} is given, a trade of another merchant
 * answers {@code TRADE_NOT_FOUND} (never leak it); null means an internal caller that may see any
 * trade. The lookup reads exactly one physical table (the number carries the shard gene).
 */
public record TradeByNoQry(String tradeNo, String merchantId) implements Serializable {

    public static TradeByNoQry internal(String tradeNo) {
        return new TradeByNoQry(tradeNo, null);
    }
}
