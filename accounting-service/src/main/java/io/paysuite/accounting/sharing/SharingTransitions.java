package io.paysuite.accounting.sharing;

import io.paysuite.api.sharing.SharingOrderStatus;
import io.paysuite.api.sharing.SharingReceiverResult;
import io.paysuite.kit.state.StateTable;

/**
 * The profit-sharing state machines, asked by the store before every compare-and-set. An order is
 * written {@code PROCESSING} with its receivers {@code PENDING}; posting its entry (or a definite
 * refusal of it under the trade's lock) finishes it once, and the first final answer wins.
 */
public final class SharingTransitions {

    public static final StateTable<SharingOrderStatus> ORDER = StateTable.of("profit sharing order", SharingOrderStatus.class)
            .allow(SharingOrderStatus.PROCESSING, SharingOrderStatus.FINISHED)
            .terminal(SharingOrderStatus.FINISHED)
            .build();

    public static final StateTable<SharingReceiverResult> RECEIVER = StateTable.of("profit sharing receiver",
                    SharingReceiverResult.class)
            .allow(SharingReceiverResult.PENDING, SharingReceiverResult.SUCCESS, SharingReceiverResult.CLOSED)
            .terminal(SharingReceiverResult.SUCCESS, SharingReceiverResult.CLOSED)
            .build();

    private SharingTransitions() {
    }
}
