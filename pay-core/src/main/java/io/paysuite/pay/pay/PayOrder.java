package io.paysuite.pay.pay;

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
        String failCode) {

    public static PayOrder open(String payOrderNo, OpenPayOrderCmd cmd, String digest, Instant now) {
        return new PayOrder(payOrderNo, cmd.tradeNo(), cmd.requestNo(), digest, cmd.buyerId(), cmd.merchantId(),
                cmd.method(), PayOrderStatus.CREATED, cmd.amount(), now, now, null, 0, null);
    }

    public PayOrderDTO toDTO() {
        return new PayOrderDTO(payOrderNo, tradeNo, requestNo, buyerId, merchantId, method, status, amount,
                createdAt, finishedAt);
    }
}
