package io.paysuite.api.pay;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.time.Instant;

/** A pay order as callers see it; {@code payOrderNo} is a 26-character order number of kind {@code P}. */
public record PayOrderDTO(
        String payOrderNo,
        String tradeNo,
        String requestNo,
        String buyerId,
        String merchantId,
        PayMethod method,
        PayOrderStatus status,
        Money amount,
        Instant createdAt,
        Instant finishedAt) implements Serializable {
}
