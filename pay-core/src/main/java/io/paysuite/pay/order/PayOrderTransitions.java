package io.paysuite.pay.order;

import static io.paysuite.api.pay.PayOrderStatus.CREATED;
import static io.paysuite.api.pay.PayOrderStatus.FAILED;
import static io.paysuite.api.pay.PayOrderStatus.PROCESSING;
import static io.paysuite.api.pay.PayOrderStatus.SUCCESS;

import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.kit.state.StateTable;

/**
 * The pay order state machine as a table, asked by the repository before every compare-and-set.
 * {@code CREATED → FAILED} is for an attempt refused before any money moved (the trade was taken by
 * another attempt, or the attempt was abandoned); {@code PROCESSING} is "the tool was asked to move
 * money", left only on a definite answer. {@code SUCCESS} and {@code FAILED} are final.
 */
public final class PayOrderTransitions {

    public static final StateTable<PayOrderStatus> TABLE = StateTable.of("pay order", PayOrderStatus.class)
            .allow(CREATED, PROCESSING, FAILED)
            .allow(PROCESSING, SUCCESS, FAILED)
            .terminal(SUCCESS, FAILED)
            .build();

    private PayOrderTransitions() {
    }
}
