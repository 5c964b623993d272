package io.paysuite.member.promotion;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.api.promotion.PointsUseDTO;

/**
 * One use of points by one payment ({@code points_use}, unique on the use key). A release that came
 * before any freeze is a {@code RELEASED} use with no buyer and no points.
 */
public record PointsUse(String useKey, String buyerId, String tradeNo, long points, Money value, HoldStatus status) {

    public PointsUseDTO toDTO() {
        return new PointsUseDTO(buyerId, useKey, tradeNo, points, value, status);
    }

    PointsUse with(HoldStatus to) {
        return new PointsUse(useKey, buyerId, tradeNo, points, value, to);
    }
}
