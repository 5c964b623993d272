package io.paysuite.api.trade;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A trade as callers see it. {@code tradeNo} is a 26-character order number of kind {@code T}
 * (see {@link io.paysuite.api.ids.OrderNo}); its last four digits are the shard gene.
 * {@code paymentMethods} are the methods the merchant allowed (empty: all); {@code payments} how it
 * was paid (empty until paid); {@code payerId} the buyer who paid (also for a trade created without
 * a buyer). {@code buyerPaidAmount} is what the buyer paid after coupons and points (the cash part;
 * null until paid), {@code promotionDetail} the coupons that paid part of it and who funded them;
 * {@code authorizedAmount} / {@code capturedAmount} are a pre-authorised trade's (null otherwise).
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
        Instant closedAt,
        List<PayMethod> paymentMethods,
        List<TradePaymentDTO> payments,
        String payerId,
        Money buyerPaidAmount,
        List<TradePromotionDTO> promotionDetail,
        Money authorizedAmount,
        Money capturedAmount) implements Serializable {

    public TradeDTO {
        paymentMethods = paymentMethods == null ? List.of() : List.copyOf(paymentMethods);
        payments = payments == null ? List.of() : List.copyOf(payments);
        promotionDetail = promotionDetail == null ? List.of() : List.copyOf(promotionDetail);
    }

    /**
     * Whether this is trade {@code tradeNo} with the payment of the pay order that succeeded at {@code paidAt}
     * recorded: a paid state ({@link TradeStatus#isPaid}) at that time. trade-core records a payment's time as its pay
     * order's success time, to the millisecond, and a trade is paid by one pay order only, so a trade paid by another
     * (money it did not take) shows another time. How pay-core and the cashier tell that trade-core's answer to a
     * direct hand-over is the trade a till may be shown.
     */
    public boolean recordsPayment(String tradeNo, Instant paidAt) {
        return tradeNo != null && tradeNo.equals(this.tradeNo) && status != null && status.isPaid()
                && paidAt != null && paidAt.equals(this.paidAt);
    }

    /** A trade paid without coupons or points (the buyer paid {@code paidAmount}), not pre-authorised. */
    public TradeDTO(String tradeNo, String merchantId, String outTradeNo, TradeType tradeType, TradeStatus status,
                    Money amount, Money paidAmount, Money refundedAmount, String subject, String buyerId, String attach,
                    String notifyUrl, String returnUrl, Instant timeExpire, Instant createdAt, Instant paidAt,
                    Instant closedAt, List<PayMethod> paymentMethods, List<TradePaymentDTO> payments, String payerId) {
        this(tradeNo, merchantId, outTradeNo, tradeType, status, amount, paidAmount, refundedAmount, subject, buyerId,
                attach, notifyUrl, returnUrl, timeExpire, createdAt, paidAt, closedAt, paymentMethods, payments, payerId,
                paidAt == null ? null : paidAmount, List.of(), null, null);
    }

    /** A trade with no method restriction, not paid. */
    public TradeDTO(String tradeNo, String merchantId, String outTradeNo, TradeType tradeType, TradeStatus status,
                    Money amount, Money paidAmount, Money refundedAmount, String subject, String buyerId, String attach,
                    String notifyUrl, String returnUrl, Instant timeExpire, Instant createdAt, Instant paidAt,
                    Instant closedAt) {
        this(tradeNo, merchantId, outTradeNo, tradeType, status, amount, paidAmount, refundedAmount, subject, buyerId,
                attach, notifyUrl, returnUrl, timeExpire, createdAt, paidAt, closedAt, List.of(), List.of(), null);
    }
}
