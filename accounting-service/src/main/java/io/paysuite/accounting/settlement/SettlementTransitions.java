package io.paysuite.accounting.settlement;

import static io.paysuite.api.settlement.SettlementStatus.FAILED;
import static io.paysuite.api.settlement.SettlementStatus.PAID;
import static io.paysuite.api.settlement.SettlementStatus.PROCESSING;

import io.paysuite.api.settlement.SettlementStatus;
import io.paysuite.kit.state.StateTable;

/**
 * The settlement state machine, asked by the store before every compare-and-set. A settlement is
 * written {@code PROCESSING}; only its payout's final answer (or "nothing to pay") ends it, and the
 * first final answer wins: {@code FAILED} gave the money back to available, where the next
 * settlement pays it, so a failed settlement is never retried under its own number.
 */
public final class SettlementTransitions {

    public static final StateTable<SettlementStatus> TABLE = StateTable.of("settlement", SettlementStatus.class)
            .allow(PROCESSING, PAID, FAILED)
            .terminal(PAID, FAILED)
            .build();

    private SettlementTransitions() {
    }
}
