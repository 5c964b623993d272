package io.paysuite.api.trade;

import java.io.Serializable;

/** Void an authorised pre-authorisation: all of it back to the buyer. {@code merchantId} as in {@link CloseTradeCmd}. */
public record VoidTradeCmd(String tradeNo, String merchantId) implements Serializable {
}
