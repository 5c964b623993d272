package io.paysuite.channel.adapter;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.order.ChannelOrder;

/**
 * One channel's way to take one method. Every call is keyed by the channel order number, so a
 * repeat (after a timeout or a crash) is the same order at the channel. Adapters never throw for
 * channel answers or I/O: they answer {@link ChannelCall}s.
 */
public interface ChannelAdapter {

    ChannelCode channel();

    PayMethod method();

    /** The order's state at the channel. */
    ChannelCall query(ChannelOrder order);

    /**
     * End an unpaid order so it can no longer be paid (QR: close; payment code: cancel/reverse,
     * which also returns money taken meanwhile). {@code SUCCESS}: ended, the buyer keeps or gets back
     * the money; {@code NOT_FOUND}: the channel never had it; {@code FAILURE}: the channel refused
     * (it may be paid — query); {@code UNKNOWN}: ask again later.
     */
    ChannelCall close(ChannelOrder order);

    /**
     * Whether a definite refusal of a charge (its raw code) is the channel's own — its configuration of
     * our merchant account, its limits or hours, our call blocked by its breaker — rather than the
     * buyer's (a declined card, a bad or expired code). Only the channel's own refusals are rerouted:
     * another channel may take the payment; a buyer's refusal would only be repeated, and repeating it
     * at every channel looks like card testing. Blocked calls ({@code BLOCKED_*}) sent nothing.
     */
    default boolean refusedByChannel(String rawCode) {
        return ChannelCall.blocked(rawCode);
    }
}
