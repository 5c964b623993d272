package io.paysuite.api.trade;

import java.io.Serializable;

/** Find a trade by the merchant's own order number. Reads one index table and one trade table. */
public record TradeByOutTradeNoQry(String merchantId, String outTradeNo) implements Serializable {
}
