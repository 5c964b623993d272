package io.paysuite.api.promotion;

import io.paysuite.api.money.Money;

import java.io.Serializable;

/**
 * Freeze points for one payment: as many as pay at most {@code maxValue} (whole redemption units only).
 * {@code useKey} is the pay order number; freezing again with the same key answers the same use.
 */
public record PointsUseCmd(String buyerId, String tradeNo, Money maxValue, String useKey) implements Serializable {
}
