package io.paysuite.api.trade;

import java.io.Serializable;

/** Give a trade back after a failed attempt; see {@link TradePaymentService#abandonPay}. */
public record AbandonPayCmd(String tradeNo, String payOrderNo, String reason) implements Serializable {
}
