package io.paysuite.channel.adapter;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.order.ChannelOrder;

/**
 * A channel's QR payment: the platform asks for a code, the buyer scans it in the channel's app.
 * Every call is keyed by the channel order number, so a repeat (after a timeout or a crash) is
 * the same order at the channel.
 */
public interface QrChannelAdapter {

    ChannelCode channel();

    PayMethod method();

    /** Ask for the QR code: {@code PENDING} with {@code codeUrl} when issued. */
    ChannelCall precreate(ChannelOrder order);

    /** The order's state at the channel. */
    ChannelCall query(ChannelOrder order);

    /**
     * Close an unpaid order so it can no longer be paid. {@code SUCCESS}: closed, definitely
     * unpaid; {@code NOT_FOUND}: the channel never had it; {@code FAILURE}: the channel refused
     * (it may be paid — query); {@code UNKNOWN}: ask again later.
     */
    ChannelCall close(ChannelOrder order);
}
