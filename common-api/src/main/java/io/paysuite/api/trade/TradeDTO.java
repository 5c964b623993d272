package io.paysuite.api.trade;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.time.Instant;

/**
 * A trade as callers see it. {@code tradeNo} is a 26-character order number of kind {@code T}
 * (see {@link io.paysuite.api.ids.OrderNo}); its last four digits are the shard gene.
 */
public record TradeDTO(
        String tradeNo,
        String merchantId,
        String outTradeNo,
        TradeType tradeType,
        TradeStatus status,
        Money amount,
        Money paidAmount,
        Money refundedAmount,
        String subject,
        String buyerId,
        String attach,
        String notifyUrl,
        String returnUrl,
        Instant timeExpire,
        Instant createdAt,
        Instant paidAt,
        Instant closedAt) implements Serializable {
}
