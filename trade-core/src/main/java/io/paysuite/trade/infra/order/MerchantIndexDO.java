package io.paysuite.trade.infra.order;

import java.time.LocalDateTime;

/** A row of {@code trade_merchant_index_N}. */
public class MerchantIndexDO {
    public String merchantId;
    public String outTradeNo;
    public String tradeNo;
    public String requestDigest;
    public LocalDateTime createdAt;
}
