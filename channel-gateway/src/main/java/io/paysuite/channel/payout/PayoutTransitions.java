package io.paysuite.channel.payout;

import static io.paysuite.api.payout.PayoutStatus.FAILED;
import static io.paysuite.api.payout.PayoutStatus.PROCESSING;
import static io.paysuite.api.payout.PayoutStatus.SUCCESS;

import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.kit.state.StateTable;

/**
 * The payout's transition table. A payout is recorded {@code PROCESSING} before anything is sent and
 * leaves it only on a definite answer of the channel (the transfer's or its query's); both final
 * states are terminal, so the first final answer wins and a later contrary one changes nothing.
 */
public final class PayoutTransitions {

    public static final StateTable<PayoutStatus> TABLE = StateTable.of("payout", PayoutStatus.class)
            .allow(PROCESSING, SUCCESS, FAILED)
            .terminal(SUCCESS, FAILED)
            .build();

    private PayoutTransitions() {
    }
}
