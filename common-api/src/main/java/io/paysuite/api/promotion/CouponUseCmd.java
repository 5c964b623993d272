package io.paysuite.api.promotion;

import io.paysuite.api.money.Money;

import java.io.Serializable;

/**
 * Freeze a coupon for one payment. {@code useKey} is the pay order number: freezing again with the same
 * key answers the same use; another key while the coupon is frozen or used answers {@code COUPON_NOT_USABLE}.
 */
public record CouponUseCmd(
        String couponId,
        String buyerId,
        String merchantId,
        String tradeNo,
        Money orderAmount,
        String useKey) implements Serializable {
}
