package io.paysuite.channel.adapter;

import io.paysuite.channel.order.ChannelOrder;

/** A channel's QR payment: the platform asks for a code, the buyer scans it in the channel's app. */
public interface QrChannelAdapter extends ChannelAdapter {

    /** Ask for the QR code: {@code PENDING} with {@code codeUrl} when issued. */
    ChannelCall precreate(ChannelOrder order);
}
