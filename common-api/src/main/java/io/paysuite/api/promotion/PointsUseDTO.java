package io.paysuite.api.promotion;

import io.paysuite.api.money.Money;

import java.io.Serializable;

/** One use of points by one payment: how many and what they pay. */
public record PointsUseDTO(String buyerId, String useKey, String tradeNo, long points, Money value, HoldStatus status)
        implements Serializable {
}
