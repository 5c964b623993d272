package io.paysuite.api.promotion;

/** A coupon's life: {@code AVAILABLE → FROZEN → USED}, {@code FROZEN → AVAILABLE} (released), {@code AVAILABLE → EXPIRED}; {@code USED → AVAILABLE} only when the whole trade is refunded. */
public enum CouponStatus {
    AVAILABLE,
    FROZEN,
    USED,
    EXPIRED
}
