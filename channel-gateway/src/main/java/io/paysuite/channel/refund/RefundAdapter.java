package io.paysuite.channel.refund;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.order.ChannelOrder;

/**
 * A channel's refunds of its own payments, keyed by our refund number. {@code SUCCESS}: the buyer
 * gets the money back; {@code PENDING}: accepted, not done; {@code FAILURE}: definitely refused,
 * nothing returned; {@code UNKNOWN}: ask again ({@link #queryRefund}).
 */
public interface RefundAdapter {

    ChannelCode channel();

    ChannelCall refund(ChannelOrder paid, String refundNo, long refundMinor, String reason);

    ChannelCall queryRefund(ChannelOrder paid, String refundNo);
}
