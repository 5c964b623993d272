package io.paysuite.channel.adapter;

import io.paysuite.channel.order.ChannelOrder;

/**
 * A channel's payment-code (barcode) payment: the merchant scans the buyer's code and charges it.
 * {@code SUCCESS} paid at once; {@code PENDING} the buyer must confirm in the app ({@code USERPAYING});
 * {@code FAILURE} refused (bad or expired code, no money) with nothing taken.
 */
public interface CodeChannelAdapter extends ChannelAdapter {

    ChannelCall pay(ChannelOrder order, String authCode);
}
