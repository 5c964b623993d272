package io.paysuite.channel.payout;

import io.paysuite.channel.adapter.ChannelCall;

/**
 * A payout channel's protocol, keyed by our payout number. {@code SUCCESS}: the money reached the
 * account; {@code PENDING}: accepted, the bank has not answered; {@code FAILURE}: definitely not paid
 * (refused, or the bank sent it back); {@code NOT_FOUND}: the channel has no such transfer (yet);
 * {@code UNKNOWN}: no usable answer (timeout, I/O, system error) — ask again. Never throws.
 */
public interface PayoutChannel {

    /** What {@code /sandbox} and the logs call it, e.g. {@code ALIPAY}. */
    String name();

    /** Sends the transfer; a repeat under the same payout number is the same transfer at the channel. */
    ChannelCall transfer(Payout payout);

    ChannelCall query(Payout payout);
}
