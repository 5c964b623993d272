package io.paysuite.member.promotion;

import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.FundedBy;
import java.time.Instant;

/**
 * What a coupon gives and where, in minor units of {@code currency}: a template's terms, copied onto
 * every coupon at issue so that a later template change never alters an issued coupon.
 *
 * @param amountMinor   the fixed discount ({@code FIXED_AMOUNT}); null for a percentage
 * @param percentOff    1–99 ({@code PERCENTAGE}); null for a fixed amount
 * @param capMinor      the most a percentage takes off; null: no cap
 * @param minSpendMinor the least order amount it applies to (0: any)
 * @param merchantId    the one merchant it is usable at; null: every merchant
 */
public record CouponTerms(
        String name,
        CouponKind kind,
        Long amountMinor,
        Integer percentOff,
        Long capMinor,
        long minSpendMinor,
        String currency,
        Instant validFrom,
        Instant validUntil,
        FundedBy fundedBy,
        String merchantId) {

    /** Whether {@code at} is inside the validity window (from inclusive, until exclusive). */
    public boolean validAt(Instant at) {
        return !at.isBefore(validFrom) && at.isBefore(validUntil);
    }

    /** Whether the coupon may be used at this merchant. */
    public boolean appliesAt(String merchant) {
        return merchantId == null || merchantId.equals(merchant);
    }
}
