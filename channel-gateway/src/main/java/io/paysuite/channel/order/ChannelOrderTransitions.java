package io.paysuite.channel.order;

import static io.paysuite.api.channel.ChannelOrderStatus.CREATED;
import static io.paysuite.api.channel.ChannelOrderStatus.FAILED;
import static io.paysuite.api.channel.ChannelOrderStatus.PROCESSING;
import static io.paysuite.api.channel.ChannelOrderStatus.REVERSING;
import static io.paysuite.api.channel.ChannelOrderStatus.SUCCESS;

import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.kit.state.StateTable;

/**
 * The channel order's transition table. {@code CREATED → FAILED} only for a definite refusal
 * before the channel accepted the order (the one case a charge may go elsewhere);
 * {@code PROCESSING → FAILED} only for the channel's definite close. {@code PROCESSING → REVERSING} (or from
 * {@code CREATED}, a code charge whose answer was lost) before a payment code's reversal is sent; from
 * {@code REVERSING} only the reversal's answer moves it ({@code FAILED}: reversed, the buyer has the money;
 * {@code SUCCESS}: the channel refused the reversal because the order is paid).
 */
public final class ChannelOrderTransitions {

    public static final StateTable<ChannelOrderStatus> TABLE = StateTable.of("channel order", ChannelOrderStatus.class)
            .allow(CREATED, PROCESSING, REVERSING, FAILED, SUCCESS)
            .allow(PROCESSING, REVERSING, SUCCESS, FAILED)
            .allow(REVERSING, SUCCESS, FAILED)
            .terminal(SUCCESS, FAILED)
            .build();

    private ChannelOrderTransitions() {
    }
}
