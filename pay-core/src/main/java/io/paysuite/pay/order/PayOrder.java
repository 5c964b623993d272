package io.paysuite.pay.order;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import java.time.Instant;

/**
 * One payment attempt for a trade. Immutable; state changes come with the payment flow.
 *
 * @param failCode why a FAILED order failed (stable error code); null otherwise
 * @param channel  the external channel ({@code ChannelCode} name) that took the money, written by the
 *                 same compare-and-set that made the order SUCCESS; null for the platform's own tools
 *                 and before success. Not derived from {@code method}: channel-gateway may reroute a
 *                 charge to another channel than the method's usual one.
 */
public record PayOrder(
        String payOrderNo,
        String tradeNo,
        String requestNo,
        String requestDigest,
        String buyerId,
        String merchantId,
        PayMethod method,
        PayOrderStatus status,
        Money amount,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        int version,
        String failCode,
        String channel) {

    public static PayOrder open(String payOrderNo, OpenPayOrderCmd cmd, String digest, Instant now) {
        return new PayOrder(payOrderNo, cmd.tradeNo(), cmd.requestNo(), digest, cmd.buyerId(), cmd.merchantId(),
                cmd.method(), PayOrderStatus.CREATED, cmd.amount(), now, now, null, 0, null, null);
    }

    public PayOrderDTO toDTO() {
        return new PayOrderDTO(payOrderNo, tradeNo, requestNo, buyerId, merchantId, method, status, amount,
                createdAt, finishedAt, channel);
    }
}
