package io.paysuite.api.trade;

import java.io.Serializable;

/**
 * Confirm a guarantee trade: release the held money to the merchant. {@code merchantId} as in
 * {@link CloseTradeCmd}.
 */
public record ConfirmTradeCmd(String tradeNo, String merchantId) implements Serializable {
}
