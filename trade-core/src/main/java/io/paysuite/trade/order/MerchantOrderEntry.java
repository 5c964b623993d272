package io.paysuite.trade.order;

import java.time.Instant;

/**
 * The owner record of a merchant order number: which trade it created, a digest of the request
 * content (to tell a repeat from a conflicting reuse), and when it was first claimed.
 */
public record MerchantOrderEntry(
        String merchantId,
        String outTradeNo,
        String tradeNo,
        String requestDigest,
        Instant createdAt) {
}
