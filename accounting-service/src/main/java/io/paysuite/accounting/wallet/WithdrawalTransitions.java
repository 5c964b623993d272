package io.paysuite.accounting.wallet;

import static io.paysuite.api.payout.PayoutStatus.FAILED;
import static io.paysuite.api.payout.PayoutStatus.PROCESSING;
import static io.paysuite.api.payout.PayoutStatus.SUCCESS;

import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.kit.state.StateTable;

/**
 * A withdrawal follows its payout: written {@code PROCESSING} with the money held in transit; only the
 * payout's final answer ends it, and the first final answer wins ({@code FAILED} gave the money back to
 * the wallet; the buyer withdraws again under a new request number).
 */
public final class WithdrawalTransitions {

    public static final StateTable<PayoutStatus> TABLE = StateTable.of("withdrawal", PayoutStatus.class)
            .allow(PROCESSING, SUCCESS, FAILED)
            .terminal(SUCCESS, FAILED)
            .build();

    private WithdrawalTransitions() {
    }
}
