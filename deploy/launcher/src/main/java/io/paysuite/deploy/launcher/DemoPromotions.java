package io.paysuite.deploy.launcher;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.CouponTemplateCmd;
import io.paysuite.api.promotion.FundedBy;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo's coupons and points: a platform-funded 5.00 off from 20.00, usable at every merchant, and a
 * merchant-funded 10 % off capped at 8.00 at the demo merchant; two coupons (one of each) and
 * {@link #POINTS} points per demo buyer. Fixed request numbers and a fixed validity window make every
 * call a repeat on a restarted run (member-service answers the first template, coupon and grant).
 */
final class DemoPromotions {

    static final long POINTS = 2000; // 20.00 CNY at the default 100 points per yuan
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2099-12-31T16:00:00Z");

    private DemoPromotions() {
    }

    static CouponTemplateCmd platformFiveOff() {
        return new CouponTemplateCmd("DEMO-TPL-PLATFORM-5OFF", "5.00 off 20.00", CouponKind.FIXED_AMOUNT, Money.cny(500), null,
                null, Money.cny(2000), FROM, UNTIL, FundedBy.PLATFORM, null);
    }

    static CouponTemplateCmd merchantTenPercent(String merchantId) {
        return new CouponTemplateCmd("DEMO-TPL-MERCHANT-10PCT", "10% off, up to 8.00", CouponKind.PERCENTAGE, null, 10,
                Money.cny(800), null, FROM, UNTIL, FundedBy.MERCHANT, merchantId);
    }

    static String couponRequestNo(String phone, int n) {
        return "DEMO-CPN-" + phone + "-" + n;
    }

    /** {@code [{"coupon_id", "amount", "min_spend", "funded_by"}]}: amount is the fixed amount, or a percentage's cap. */
    static String json(List<CouponDTO> coupons) {
        return coupons.stream().map(c -> """
                {"coupon_id": "%s", "amount": %d, "min_spend": %d, "funded_by": "%s"}""".formatted(c.couponId(),
                        c.kind() == CouponKind.FIXED_AMOUNT ? c.amount().minor() : c.cap().minor(),
                        c.minSpend() == null ? 0 : c.minSpend().minor(), c.fundedBy().name()))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
