package io.paysuite.trade.refund;

import io.paysuite.api.money.Money;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import java.time.Instant;

/**
 * One refund of a trade. {@code paid}, {@code refundedBefore} and {@code escrowHeld} are read
 * under the trade's row lock when the refund is accepted and never change: they make the ledger
 * posting the same every time it is sent.
 */
public record RefundOrder(
        String refundNo,
        String tradeNo,
        String merchantId,
        String outRefundNo,
        RefundStatus status,
        Money amount,
        Money paid,
        Money refundedBefore,
        boolean escrowHeld,
        String buyerId,
        String reason,
        String failCode,
        Instant createdAt,
        Instant updatedAt,
        Instant succeededAt) {

    public RefundDTO toDTO() {
        return new RefundDTO(refundNo, outRefundNo, tradeNo, merchantId, status, amount, reason, failCode, createdAt,
                succeededAt);
    }
}
