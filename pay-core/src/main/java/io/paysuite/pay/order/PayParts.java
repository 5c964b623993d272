package io.paysuite.pay.order;

import io.paysuite.api.ledger.PromotionPart;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradePromotionDTO;
import java.util.ArrayList;
import java.util.List;

/**
 * The coupon and points of a combination payment (docs/adr/0008): the buyer's intent
 * ({@code couponId}, {@code usePoints}), written before any freeze so recovery knows what to release,
 * and what member-service's freezes answered (the discount and its funder, the points and their value),
 * written when they answered. The pay order's {@code amount} stays the trade's full price; its tool
 * pays {@link #cash}.
 *
 * @param couponMinor 0 until the coupon's freeze answered
 * @param pointsMinor 0 until the points' freeze answered
 */
public record PayParts(String couponId, boolean usePoints, String couponName, long couponMinor, FundedBy couponFundedBy,
                       long points, long pointsMinor) {

    public static final PayParts NONE = new PayParts(null, false, null, 0, null, 0, 0);

    public static PayParts planned(String couponId, boolean usePoints) {
        return new PayParts(couponId, usePoints, null, 0, null, 0, 0);
    }

    /** A payment with a coupon or points runs as a Saga; one with neither keeps the short path. */
    public boolean combination() {
        return couponId != null || usePoints;
    }

    /** What the coupon and points pay of {@code amount}; the tool pays the rest. */
    public Money cash(Money amount) {
        return Money.of(amount.minor() - couponMinor - pointsMinor, amount.currency());
    }

    /** The parts as the ledger books them, in the payment's currency. */
    public List<PromotionPart> ledgerParts(String payOrderNo, String currency) {
        List<PromotionPart> parts = new ArrayList<>(2);
        if (couponMinor > 0) {
            parts.add(new PromotionPart(PromotionPart.Kind.COUPON, couponId, Money.of(couponMinor, currency), couponFundedBy));
        }
        if (pointsMinor > 0) {
            parts.add(new PromotionPart(PromotionPart.Kind.POINTS, payOrderNo, Money.of(pointsMinor, currency), FundedBy.PLATFORM));
        }
        return parts;
    }

    public PayParts withCoupon(String name, long minor, FundedBy fundedBy) {
        return new PayParts(couponId, usePoints, name, minor, fundedBy, points, pointsMinor);
    }

    public PayParts withPoints(long count, long minor) {
        return new PayParts(couponId, usePoints, couponName, couponMinor, couponFundedBy, count, minor);
    }

    /**
     * The trade's {@code payments} of a combination payment: the coupon and the points (the platform's own
     * tools, channel {@code PAYSUITE}), then {@code method} with what the buyer paid and its channel (left out when
     * the coupon and points paid it all).
     * Empty for a payment with one tool (the trade shows its one payment as before).
     */
    public List<TradePaymentDTO> tradePayments(PayMethod method, Money amount, String channel) {
        if (!combination()) {
            return List.of();
        }
        List<TradePaymentDTO> payments = new ArrayList<>(3);
        if (couponMinor > 0) {
            payments.add(new TradePaymentDTO(PayMethod.COUPON, Money.of(couponMinor, amount.currency()), TradePaymentDTO.WALLET_CHANNEL));
        }
        if (pointsMinor > 0) {
            payments.add(new TradePaymentDTO(PayMethod.POINTS, Money.of(pointsMinor, amount.currency()), TradePaymentDTO.WALLET_CHANNEL));
        }
        if (cash(amount).minor() > 0) { // a payment the coupon and points pay in full has no cash part to list
            payments.add(new TradePaymentDTO(method, cash(amount),
                    method == PayMethod.BALANCE || channel == null ? (method.channel() == null ? TradePaymentDTO.WALLET_CHANNEL : method.channel()) : channel));
        }
        return payments;
    }

    /** The trade's {@code promotion_detail}: the coupon and who funded it; empty without one. */
    public List<TradePromotionDTO> promotionDetail(String currency) {
        return couponMinor > 0
                ? List.of(new TradePromotionDTO(couponId, couponName, Money.of(couponMinor, currency), couponFundedBy))
                : List.of();
    }
}
