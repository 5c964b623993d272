package io.paysuite.api.promotion;

import io.paysuite.api.money.Money;

import java.io.Serializable;

/** A usable coupon and what it takes off this order (never the whole order: the buyer pays at least 0.01). */
public record CouponOfferDTO(CouponDTO coupon, Money discount) implements Serializable {
}
