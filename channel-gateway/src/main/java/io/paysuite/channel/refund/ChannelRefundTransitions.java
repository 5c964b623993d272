package io.paysuite.channel.refund;

import static io.paysuite.api.channel.ChannelRefundStatus.CREATED;
import static io.paysuite.api.channel.ChannelRefundStatus.FAILED;
import static io.paysuite.api.channel.ChannelRefundStatus.PROCESSING;
import static io.paysuite.api.channel.ChannelRefundStatus.SUCCESS;

import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.kit.state.StateTable;

/**
 * The channel refund's transition table. A refund leaves {@code CREATED} on the channel's first
 * answer — straight to a final state when that answer is definite — and {@code PROCESSING} only on a
 * definite one; an unknown answer never moves it to {@code FAILED}, since the money may be on its way.
 */
public final class ChannelRefundTransitions {

    public static final StateTable<ChannelRefundStatus> TABLE = StateTable.of("channel refund", ChannelRefundStatus.class)
            .allow(CREATED, PROCESSING, SUCCESS, FAILED)
            .allow(PROCESSING, SUCCESS, FAILED)
            .terminal(SUCCESS, FAILED)
            .build();

    private ChannelRefundTransitions() {
    }
}
