package io.paysuite.cashier.api.trade;

import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradePromotionDTO;
import io.paysuite.cashier.api.Times;
import java.util.List;

/**
 * The trade object of docs/api/API.md, field for field (serialized snake_case). {@code buyerPaidAmount} is
 * what the buyer paid after coupons and points (0 until paid); {@code payments} lists every part of a
 * combination payment and {@code promotionDetail} its coupons with who funded them.
 */
public record TradeView(
        String tradeNo,
        String outTradeNo,
        String tradeType,
        String status,
        AmountView amount,
        long paidAmount,
        long buyerPaidAmount,
        long refundedAmount,
        String subject,
        String buyerId,
        List<PaymentView> payments,
        List<PromotionView> promotionDetail,
        List<String> paymentMethods,
        String cashierUrl,
        String attach,
        String createdAt,
        String timeExpire,
        String paidAt,
        String closedAt) {

    public record AmountView(long total, String currency) {
    }

    public record PaymentView(String method, long amount, String channel) {
    }

    public record PromotionView(String couponId, String name, long amount, String fundedBy) {
    }

    public static TradeView of(TradeDTO trade, String cashierUrl, Times times) {
        return new TradeView(trade.tradeNo(), trade.outTradeNo(), trade.tradeType().name(), trade.status().name(),
                new AmountView(trade.amount().minor(), trade.amount().currency()),
                trade.paidAmount().minor(),
                trade.buyerPaidAmount() == null ? 0 : trade.buyerPaidAmount().minor(),
                trade.refundedAmount().minor(), trade.subject(),
                trade.buyerId() != null ? trade.buyerId() : trade.payerId(),
                trade.payments().stream().map(TradeView::payment).toList(),
                trade.promotionDetail().stream().map(TradeView::promotion).toList(),
                trade.paymentMethods().stream().map(Enum::name).toList(),
                cashierUrl, trade.attach(), times.format(trade.createdAt()), times.format(trade.timeExpire()),
                times.format(trade.paidAt()), times.format(trade.closedAt()));
    }

    private static PromotionView promotion(TradePromotionDTO coupon) {
        return new PromotionView(coupon.couponId(), coupon.name(), coupon.amount().minor(),
                coupon.fundedBy() == null ? null : coupon.fundedBy().name());
    }

    private static PaymentView payment(TradePaymentDTO payment) {
        return new PaymentView(payment.method().name(), payment.amount().minor(), payment.channel());
    }
}
