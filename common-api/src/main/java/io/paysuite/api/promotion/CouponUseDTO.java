package io.paysuite.api.promotion;

import io.paysuite.api.money.Money;

import java.io.Serializable;

/** One use of a coupon by one payment, with the discount it gave and who funds it. */
public record CouponUseDTO(
        String couponId,
        String useKey,
        String tradeNo,
        String name,
        Money discount,
        FundedBy fundedBy,
        String merchantId,
        HoldStatus status) implements Serializable {
}
