package io.paysuite.trade.refund;

import static io.paysuite.api.refund.RefundStatus.FAILED;
import static io.paysuite.api.refund.RefundStatus.PROCESSING;
import static io.paysuite.api.refund.RefundStatus.SUCCESS;

import io.paysuite.api.refund.RefundStatus;
import io.paysuite.kit.state.StateTable;

/**
 * The refund order state machine as a table. A refund is written {@code PROCESSING} when it is
 * accepted (the trade's money reserved under its row lock) and leaves it once, on a definite
 * answer: {@code SUCCESS} when the ledger posted it, {@code FAILED} when the posting was refused or
 * undone. An unknown answer keeps it {@code PROCESSING} for the follow-up; both ends are final.
 * The repository asks the table before its compare-and-set.
 */
public final class RefundTransitions {

    public static final StateTable<RefundStatus> TABLE = StateTable.of("refund", RefundStatus.class)
            .allow(PROCESSING, SUCCESS, FAILED)
            .terminal(SUCCESS, FAILED)
            .build();

    private RefundTransitions() {
    }
}
