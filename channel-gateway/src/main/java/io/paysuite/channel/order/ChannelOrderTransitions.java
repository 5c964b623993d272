package io.paysuite.channel.order;

import io.paysuite.api.channel.ChannelOrderStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The channel order's transition table. {@code CREATED → FAILED} only for a definite refusal
 * before the channel accepted the order (the one case a charge may go elsewhere);
 * {@code PROCESSING → FAILED} only for the channel's definite close.
 */
public final class ChannelOrderTransitions {

    private static final Map<ChannelOrderStatus, Set<ChannelOrderStatus>> ALLOWED = new EnumMap<>(ChannelOrderStatus.class);

    static {
        ALLOWED.put(ChannelOrderStatus.CREATED, EnumSet.of(ChannelOrderStatus.PROCESSING, ChannelOrderStatus.FAILED,
                ChannelOrderStatus.SUCCESS));
        ALLOWED.put(ChannelOrderStatus.PROCESSING, EnumSet.of(ChannelOrderStatus.SUCCESS, ChannelOrderStatus.FAILED));
        ALLOWED.put(ChannelOrderStatus.SUCCESS, EnumSet.noneOf(ChannelOrderStatus.class));
        ALLOWED.put(ChannelOrderStatus.FAILED, EnumSet.noneOf(ChannelOrderStatus.class));
    }

    private ChannelOrderTransitions() {
    }

    public static boolean allowed(ChannelOrderStatus from, ChannelOrderStatus to) {
        return ALLOWED.get(from).contains(to);
    }
}
