package io.paysuite.api.promotion;

import io.paysuite.api.money.Money;

import java.io.Serializable;
import java.time.Instant;

/**
 * A buyer's coupon, with its template's terms copied at issue (a later template change never alters an
 * issued coupon). {@code tradeNo} is the trade that uses or used it; null while {@code AVAILABLE}.
 */
public record CouponDTO(
        String couponId,
        String templateId,
        String buyerId,
        String name,
        CouponKind kind,
        Money amount,
        Integer percentOff,
        Money cap,
        Money minSpend,
        Instant validFrom,
        Instant validUntil,
        FundedBy fundedBy,
        String merchantId,
        CouponStatus status,
        String tradeNo) implements Serializable {
}
