package io.paysuite.api.promotion;

import io.paysuite.api.money.Money;

import java.io.Serializable;

/** The coupons a buyer can use on an order of {@code orderAmount} at {@code merchantId}. */
public record UsableCouponsQry(String buyerId, String merchantId, Money orderAmount) implements Serializable {
}
