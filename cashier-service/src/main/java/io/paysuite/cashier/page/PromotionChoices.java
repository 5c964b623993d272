package io.paysuite.cashier.page;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponOfferDTO;
import io.paysuite.api.promotion.PointsAccountDTO;
import java.util.List;
import java.util.Optional;

/**
 * The coupons and points the pay form offers the logged-in buyer on this trade: only the coupons
 * member-service says are usable here (valid now, minimum spend met, this merchant's or everyone's),
 * the largest discount first and preselected, plus "none"; and the buyer's points with what they are
 * worth. A part's amount on the page is member-service's figure for this order, never the browser's.
 *
 * @param coupons   the usable coupons, the largest discount first
 * @param points    the buyer's available points; 0 when none (the toggle is then disabled)
 * @param pointsWorth what the available points pay at the configured rate, in minor units
 * @param noteKey   why the coupons or points cannot be shown now (member-service not answering); null when they can
 */
public record PromotionChoices(List<CouponChoice> coupons, long points, long pointsWorth, String noteKey) {

    /** One coupon on the form: member-service's discount for this order, as a number for the page's script and as text. */
    public record CouponChoice(String couponId, String name, long discount, String discountText, String fundedBy) {
    }

    static PromotionChoices of(Money total, List<CouponOfferDTO> offers, PointsAccountDTO account) {
        List<CouponChoice> coupons = offers.stream()
                .filter(o -> o.discount() != null && o.discount().currency().equals(total.currency())
                        && o.discount().minor() > 0 && o.discount().minor() < total.minor())
                .map(o -> new CouponChoice(o.coupon().couponId(), o.coupon().name(), o.discount().minor(),
                        AmountText.of(o.discount()), o.coupon().fundedBy() == null ? null : o.coupon().fundedBy().name()))
                .toList();
        long available = account == null ? 0 : Math.max(0, account.available());
        long worth = account == null || account.availableValue() == null ? 0 : Math.max(0, account.availableValue().minor());
        return new PromotionChoices(coupons, available, worth, null);
    }

    /** member-service could not answer: the form pays without coupon or points and says so. */
    static PromotionChoices unavailable() {
        return new PromotionChoices(List.of(), 0, 0, "pay.promotion.unavailable");
    }

    /** The coupon preselected: the largest discount (member-service lists it first); null when none applies. */
    public String preselected() {
        return coupons.isEmpty() ? null : coupons.get(0).couponId();
    }

    public boolean hasPoints() {
        return points > 0 && pointsWorth > 0;
    }

    public String pointsWorthText(String currency) {
        return AmountText.of(Money.of(pointsWorth, currency));
    }

    Optional<CouponChoice> coupon(String couponId) {
        return coupons.stream().filter(c -> c.couponId().equals(couponId)).findFirst();
    }

    /**
     * The parts for this choice: the coupon's discount, then points up to all the coupon leaves (as
     * pay-core freezes them). With the default rate (100 points = 1.00) this is exactly what
     * pay-core takes; with a rate whose unit is more than 0.01 the points part may come out up to one
     * unit lower when paying, and the trade's {@code payments} say what was taken.
     */
    PayBreakdown breakdown(Money total, String couponId, boolean usePoints) {
        long coupon = couponId == null ? 0 : coupon(couponId).map(CouponChoice::discount).orElse(0L);
        long room = Math.max(0, total.minor() - coupon - PayBreakdown.LEAST_REST_MINOR);
        long points = usePoints && hasPoints() ? Math.min(pointsWorth, room) : 0;
        return PayBreakdown.of(total, coupon, points);
    }
}
