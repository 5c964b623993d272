package io.paysuite.trade.order;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradePromotionDTO;
import java.util.ArrayList;
import java.util.List;

/**
 * What a coupon and points paid of a trade paid by a combination payment (docs/adr/0008), as
 * {@code PAY_SUCCEEDED} reported it and written with the payment by the same compare-and-set.
 * {@link #NONE} for a trade paid with one tool (and for every trade paid before).
 *
 * @param couponMinor 0 without a coupon
 * @param pointsMinor 0 without points
 */
public record TradePromotion(String couponId, String couponName, long couponMinor, FundedBy couponFundedBy, long pointsMinor) {

    public static final TradePromotion NONE = new TradePromotion(null, null, 0, null, 0);

    /** From the event's parts: the coupon from {@code promotionDetail}, the points from {@code payments}. */
    public static TradePromotion of(List<TradePaymentDTO> payments, List<TradePromotionDTO> promotionDetail) {
        long points = payments == null ? 0 : payments.stream().filter(p -> p.method() == PayMethod.POINTS)
                .mapToLong(p -> p.amount().minor()).sum();
        TradePromotionDTO coupon = promotionDetail == null || promotionDetail.isEmpty() ? null : promotionDetail.get(0);
        if (coupon == null && points == 0) {
            return NONE;
        }
        return coupon == null
                ? new TradePromotion(null, null, 0, null, points)
                : new TradePromotion(coupon.couponId(), coupon.name(), coupon.amount().minor(), coupon.fundedBy(), points);
    }

    public boolean any() {
        return couponMinor > 0 || pointsMinor > 0;
    }

    /** What the buyer paid of {@code paid}: the price less the coupon and points. */
    public Money buyerPaid(Money paid) {
        return new Money(paid.minor() - couponMinor - pointsMinor, paid.currency());
    }

    /** One payment per part: the coupon and the points (the platform's own, {@code PAYSUITE}), then the method. */
    public List<TradePaymentDTO> payments(PayMethod method, Money paid, String channel) {
        List<TradePaymentDTO> payments = new ArrayList<>(3);
        if (couponMinor > 0) {
            payments.add(new TradePaymentDTO(PayMethod.COUPON, new Money(couponMinor, paid.currency()), TradePaymentDTO.WALLET_CHANNEL));
        }
        if (pointsMinor > 0) {
            payments.add(new TradePaymentDTO(PayMethod.POINTS, new Money(pointsMinor, paid.currency()), TradePaymentDTO.WALLET_CHANNEL));
        }
        if (buyerPaid(paid).minor() > 0) { // the coupon and points paid it all: no cash part to list
            payments.add(new TradePaymentDTO(method, buyerPaid(paid), channel));
        }
        return payments;
    }

    public List<TradePromotionDTO> detail(String currency) {
        return couponMinor > 0
                ? List.of(new TradePromotionDTO(couponId, couponName, new Money(couponMinor, currency), couponFundedBy))
                : List.of();
    }
}
