package io.paysuite.api.promotion;

/** How a coupon's discount is computed from the order amount. */
public enum CouponKind {
    /** A fixed amount off ({@code amount}), never more than the order. */
    FIXED_AMOUNT,
    /** A percentage off ({@code percentOff}, 1–99), capped at {@code cap} when one is set. */
    PERCENTAGE
}
