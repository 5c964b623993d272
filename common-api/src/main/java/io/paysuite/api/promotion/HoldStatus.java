package io.paysuite.api.promotion;

/**
 * One use of a coupon or of points by one payment (its {@code useKey}, the pay order number):
 * {@code FROZEN → CONFIRMED} (the payment succeeded) or {@code FROZEN → RELEASED} (it definitely failed),
 * {@code CONFIRMED → RETURNED} (the whole trade was refunded). A release that arrives before its freeze
 * records {@code RELEASED} for the key, and the late freeze is then refused (a Saga compensation can
 * overtake its original).
 */
public enum HoldStatus {
    FROZEN,
    CONFIRMED,
    RELEASED,
    RETURNED
}
