package io.paysuite.member.promotion;

import static io.paysuite.api.promotion.HoldStatus.CONFIRMED;
import static io.paysuite.api.promotion.HoldStatus.FROZEN;
import static io.paysuite.api.promotion.HoldStatus.RELEASED;
import static io.paysuite.api.promotion.HoldStatus.RETURNED;

import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.kit.state.StateTable;

/**
 * One use of a coupon or of points by one payment. {@code RELEASED} is final, so a freeze that arrives
 * after its own release (a Saga compensation that overtook its original) finds the key released and
 * is refused; a release before any freeze is an insert of a {@code RELEASED} row, not a transition.
 */
public final class HoldTransitions {

    public static final StateTable<HoldStatus> TABLE = StateTable.of("promotion hold", HoldStatus.class)
            .allow(FROZEN, CONFIRMED, RELEASED)
            .allow(CONFIRMED, RETURNED)
            .terminal(RELEASED, RETURNED)
            .build();

    private HoldTransitions() {
    }
}
