package io.paysuite.cashier.api.trade;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradePromotionDTO;
import io.paysuite.cashier.api.Times;
import java.util.List;

/**
 * The trade object of docs/api/API.md, field for field (serialized snake_case). A {@code PREAUTH}
 * trade also has {@code authorized_amount} (what its payment froze: its amount once authorised, 0
 * before) and {@code captured_amount} (what the capture moved to the merchant, 0 until captured);
 * other trades leave both out.
 * {@code buyerPaidAmount} is what the buyer paid after coupons and points (0 until paid); {@code payments} lists every part of a
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
        String closedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long authorizedAmount,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long capturedAmount) {

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
                times.format(trade.paidAt()), times.format(trade.closedAt()), authorized(trade), captured(trade));
    }

    private static Long authorized(TradeDTO trade) {
        if (trade.tradeType() != TradeType.PREAUTH) {
            return null;
        }
        boolean authorised = trade.status() == TradeStatus.AUTHORIZED || trade.status() == TradeStatus.CAPTURED
                || trade.status() == TradeStatus.VOIDED;
        return authorised ? trade.amount().minor() : 0L;
    }

    /** A captured pre-authorisation's paid amount is what was captured (trade-core writes it so). */
    private static Long captured(TradeDTO trade) {
        if (trade.tradeType() != TradeType.PREAUTH) {
            return null;
        }
        return trade.status() == TradeStatus.CAPTURED ? trade.paidAmount().minor() : 0L;
    }

    private static PromotionView promotion(TradePromotionDTO coupon) {
        return new PromotionView(coupon.couponId(), coupon.name(), coupon.amount().minor(),
                coupon.fundedBy() == null ? null : coupon.fundedBy().name());
    }

    private static PaymentView payment(TradePaymentDTO payment) {
        return new PaymentView(payment.method().name(), payment.amount().minor(), payment.channel());
    }
}
