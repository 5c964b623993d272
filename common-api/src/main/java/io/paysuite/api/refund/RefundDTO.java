package io.paysuite.api.refund;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.time.Instant;

/** A refund as callers see it; {@code refundNo} is an order number of kind {@code R} carrying its trade's gene. */
public record RefundDTO(
        String refundNo,
        String outRefundNo,
        String tradeNo,
        String merchantId,
        RefundStatus status,
        Money amount,
        String reason,
        String failCode,
        Instant createdAt,
        Instant succeededAt) implements Serializable {
}
