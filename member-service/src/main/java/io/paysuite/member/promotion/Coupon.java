package io.paysuite.member.promotion;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponStatus;
import java.time.Instant;

/**
 * A coupon issued to a buyer ({@code coupon}), with its template's terms copied. {@code useKey} and
 * {@code tradeNo} name the payment holding it while {@code FROZEN} or {@code USED}; the compare-and-set
 * that freezes it writes them, so only that payment's key can confirm or release it.
 */
public record Coupon(long number, long templateNumber, String buyerId, String requestNo, CouponTerms terms,
                     CouponStatus status, String useKey, String tradeNo, Instant createdAt) {

    public String couponId() {
        return PromotionIds.coupon(number);
    }

    /** The status a reader is told: an {@code AVAILABLE} coupon past its window is {@code EXPIRED}. */
    public CouponStatus statusAt(Instant now) {
        return status == CouponStatus.AVAILABLE && !now.isBefore(terms.validUntil()) ? CouponStatus.EXPIRED : status;
    }

    public CouponDTO toDTO(Instant now) {
        return new CouponDTO(couponId(), PromotionIds.template(templateNumber), buyerId, terms.name(), terms.kind(),
                CouponTemplate.money(terms.amountMinor(), terms), terms.percentOff(), CouponTemplate.money(terms.capMinor(), terms),
                Money.of(terms.minSpendMinor(), terms.currency()), terms.validFrom(), terms.validUntil(), terms.fundedBy(),
                terms.merchantId(), statusAt(now), status == CouponStatus.AVAILABLE ? null : tradeNo);
    }
}
