package io.paysuite.cashier.api.refund;

import io.paysuite.api.refund.RefundDTO;
import io.paysuite.cashier.api.Times;

/** The refund object of docs/api/API.md (serialized snake_case). */
public record RefundView(
        String refundNo,
        String outRefundNo,
        String tradeNo,
        String status,
        AmountView amount,
        String reason,
        String failCode,
        String createdAt,
        String succeededAt) {

    public record AmountView(long refund, String currency) {
    }

    public static RefundView of(RefundDTO refund, Times times) {
        return new RefundView(refund.refundNo(), refund.outRefundNo(), refund.tradeNo(), refund.status().name(),
                new AmountView(refund.amount().minor(), refund.amount().currency()), refund.reason(), refund.failCode(),
                times.format(refund.createdAt()), times.format(refund.succeededAt()));
    }
}
