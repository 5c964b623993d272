package io.paysuite.pay.order;

import io.paysuite.api.promotion.FundedBy;

/**
 * Writes a combination payment's {@link PayParts} onto its pay order's row (columns of
 * {@code pay_order}; implemented next to {@link PayOrderRepository}).
 */
public interface PayPartsStore {

    /** The buyer's coupon and points, before the order is charged; false when it is no longer {@code CREATED}. */
    boolean plan(String payOrderNo, String couponId, boolean usePoints);

    /** The coupon's freeze answered this discount; idempotent. */
    void recordCoupon(String payOrderNo, String name, long minor, FundedBy fundedBy);

    /** The points' freeze answered these points worth {@code minor}; idempotent. */
    void recordPoints(String payOrderNo, long points, long minor);
}
