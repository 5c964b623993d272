package io.paysuite.channel.order;

import static io.paysuite.api.channel.ChannelOrderStatus.CREATED;
import static io.paysuite.api.channel.ChannelOrderStatus.FAILED;
import static io.paysuite.api.channel.ChannelOrderStatus.PROCESSING;
import static io.paysuite.api.channel.ChannelOrderStatus.SUCCESS;

import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.kit.state.StateTable;

/**
 * The channel order's transition table. {@code CREATED → FAILED} only for a definite refusal
 * before the channel accepted the order (the one case a charge may go elsewhere);
 * {@code PROCESSING → FAILED} only for the channel's definite close.
 */
public final class ChannelOrderTransitions {

    public static final StateTable<ChannelOrderStatus> TABLE = StateTable.of("channel order", ChannelOrderStatus.class)
            .allow(CREATED, PROCESSING, FAILED, SUCCESS)
            .allow(PROCESSING, SUCCESS, FAILED)
            .terminal(SUCCESS, FAILED)
            .build();

    private ChannelOrderTransitions() {
    }
}
