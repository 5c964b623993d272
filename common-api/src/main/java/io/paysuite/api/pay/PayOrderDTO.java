package io.paysuite.api.pay;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.time.Instant;

/**
 * A pay order as callers see it; {@code payOrderNo} is a 26-character order number of kind {@code P}.
 *
 * @param channel the external channel ({@code ChannelCode} name) that took the money, recorded when the
 *                pay order became {@code SUCCESS}; null for the platform's own tools (BALANCE, COUPON) and
 *                while unknown. It is not always {@code method.channel()}: channel-gateway may reroute a
 *                charge that one acquirer definitely refused, and refunds must go back through the
 *                channel that has the money.
 */
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
        Instant finishedAt,
        String channel) implements Serializable {

    /** Without a channel: callers that predate it, and pay orders no channel has taken money for. */
    public PayOrderDTO(String payOrderNo, String tradeNo, String requestNo, String buyerId, String merchantId,
                       PayMethod method, PayOrderStatus status, Money amount, Instant createdAt, Instant finishedAt) {
        this(payOrderNo, tradeNo, requestNo, buyerId, merchantId, method, status, amount, createdAt, finishedAt, null);
    }
}
