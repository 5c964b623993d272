package io.paysuite.member.promotion;

import static io.paysuite.api.promotion.CouponStatus.AVAILABLE;
import static io.paysuite.api.promotion.CouponStatus.EXPIRED;
import static io.paysuite.api.promotion.CouponStatus.FROZEN;
import static io.paysuite.api.promotion.CouponStatus.USED;

import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.kit.state.StateTable;

/**
 * A coupon's life. {@code FROZEN → AVAILABLE} is a released payment; {@code USED → AVAILABLE} only the
 * give-back of a wholly refunded trade. {@code EXPIRED} is for a sweep that may mark expired coupons;
 * until then expiry is decided when a coupon is read (an {@code AVAILABLE} coupon past its window is
 * shown and treated as expired).
 */
public final class CouponTransitions {

    public static final StateTable<CouponStatus> TABLE = StateTable.of("coupon", CouponStatus.class)
            .allow(AVAILABLE, FROZEN, EXPIRED)
            .allow(FROZEN, USED, AVAILABLE)
            .allow(USED, AVAILABLE)
            .terminal(EXPIRED)
            .build();

    private CouponTransitions() {
    }
}
