package io.paysuite.member.promotion;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponUseDTO;
import io.paysuite.api.promotion.HoldStatus;

/**
 * One use of a coupon by one payment ({@code coupon_use}, unique on coupon and use key). A release that
 * came before any freeze is a {@code RELEASED} use with no trade and a zero discount.
 */
public record CouponUse(long couponNumber, String useKey, String tradeNo, Money discount, HoldStatus status) {

    public CouponUseDTO toDTO(Coupon coupon) {
        return new CouponUseDTO(PromotionIds.coupon(couponNumber), useKey, tradeNo, coupon == null ? null : coupon.terms().name(),
                discount, coupon == null ? null : coupon.terms().fundedBy(), coupon == null ? null : coupon.terms().merchantId(),
                status);
    }
}
