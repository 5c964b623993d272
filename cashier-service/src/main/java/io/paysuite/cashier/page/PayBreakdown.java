package io.paysuite.cashier.page;

import io.paysuite.api.money.Money;

/**
 * What each part of one payment pays, as the pay form shows it ({@code pay-breakdown}): the order's
 * total, the coupon's discount, the points' worth, and what remains for the chosen method. A display
 * only: pay-core and member-service compute the parts again when paying, from the coupon id and the
 * points choice alone (the browser never sends an amount).
 *
 * @param covered the coupon and points pay the whole order: nothing remains for the method, and no channel
 *                is involved (pay-core posts the coupon and points alone, docs/adr/0008 Decision 10)
 */
public record PayBreakdown(Money total, Money coupon, Money points, Money rest, boolean covered) {

    /** pay-core's rule: the points may pay all the coupon leaves, so a combination payment's method may pay nothing. */
    static final long LEAST_REST_MINOR = 0;

    static PayBreakdown of(Money total, long couponMinor, long pointsMinor) {
        Money coupon = Money.of(couponMinor, total.currency());
        Money points = Money.of(pointsMinor, total.currency());
        Money rest = total.minus(coupon).minus(points);
        return new PayBreakdown(total, coupon, points, rest, couponMinor + pointsMinor > 0 && rest.minor() <= LEAST_REST_MINOR);
    }

    public String totalText() {
        return AmountText.of(total);
    }

    public String couponText() {
        return AmountText.of(coupon);
    }

    public String pointsText() {
        return AmountText.of(points);
    }

    public String restText() {
        return AmountText.of(rest);
    }
}
