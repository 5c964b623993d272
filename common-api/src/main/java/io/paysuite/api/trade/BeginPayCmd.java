package io.paysuite.api.trade;

import java.io.Serializable;

/** Take a trade for one payment attempt; see {@link TradePaymentService#beginPay}. */
public record BeginPayCmd(String tradeNo, String payOrderNo, String buyerId) implements Serializable {
}
