package io.paysuite.channel.adapter;

import io.paysuite.channel.order.ChannelOrder;
import java.time.Instant;

/**
 * A card channel that also pre-authorises: {@link #authorise} freezes the card's amount instead of taking it (the
 * channel order's {@link ChannelOrder#authorisation()}), followed up like a charge; later the authorisation is
 * completed (for up to its amount) or cancelled, each its own transaction at the channel named by {@link End}.
 */
public interface AuthorisingAdapter extends CodeChannelAdapter {

    /**
     * One end of an authorisation at the channel.
     *
     * @param number  our number of the completion or cancel (the channel's order number for it)
     * @param at      when it was decided: with the number, it names the transaction at the channel on every repeat
     * @param capture what the completion takes; zero for a cancel
     */
    record End(String number, Instant at, long capture) {

        public boolean completion() {
            return capture > 0;
        }
    }

    /** Sends the pre-authorisation: {@code PENDING} when accepted (the result follows), {@code FAILURE} when refused. */
    ChannelCall authorise(ChannelOrder order, String token);

    /** Sends the completion or cancel of {@code authorisation}: {@code PENDING} accepted, {@code FAILURE} refused, else unknown. */
    ChannelCall end(ChannelOrder authorisation, End end);

    /** How the completion or cancel stands: {@code NOT_FOUND} when the channel never received it. */
    ChannelCall queryEnd(ChannelOrder authorisation, End end);
}
