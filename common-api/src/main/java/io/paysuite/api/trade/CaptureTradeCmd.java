package io.paysuite.api.trade;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * Capture an authorised pre-authorisation: {@code amount} (at most the authorised amount) goes to
 * the merchant, the rest back to the buyer. {@code merchantId} as in {@link CloseTradeCmd}.
 */
public record CaptureTradeCmd(String tradeNo, String merchantId, Money amount) implements Serializable {
}
