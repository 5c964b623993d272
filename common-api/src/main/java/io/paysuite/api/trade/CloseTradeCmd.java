package io.paysuite.api.trade;

import java.io.Serializable;

/**
 * Close an unpaid trade. {@code merchantId} is the caller's merchant (a trade of another merchant
 * answers {@code TRADE_NOT_FOUND}); {@code null} means an internal caller such as the expiry job.
 */
public record CloseTradeCmd(String tradeNo, String merchantId) implements Serializable {
}
