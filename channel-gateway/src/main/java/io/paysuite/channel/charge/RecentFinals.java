package io.paysuite.channel.charge;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderTransitions;
import io.paysuite.kit.memory.RecentlyKept;
import io.paysuite.kit.shadow.ShadowContext;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The final results this process recorded moments ago ({@link ChannelSettlement}'s won compare-and-set), by channel
 * order number, with what {@link ChannelNotifications#repeatsFinal} compares a notification with: the status, our
 * amount and the channel's trade number. A notification that repeats one is acknowledged without reading the order.
 *
 * <p>Why: Alipay notifies every payment-code payment at the moment it answers the charge, so nearly every such
 * notification reaches the gateway that has just recorded the charge's synchronous SUCCESS — and read back the row it
 * had just written (one {@code channel_order} select, two when it waited for the charge in flight), only to find the
 * result it repeats.
 *
 * <p>Never wrong, only incomplete: an entry is what the compare-and-set that made the order final wrote, and a final
 * order never changes ({@code SUCCESS} and {@code FAILED} are terminal in {@link ChannelOrderTransitions}; no statement
 * touches a final row's status, amount or channel trade number). A miss — another instance recorded the result, this
 * process restarted, the entry was forgotten — reads the order as before. Load traffic's rows live in the shadow
 * databases: an entry answers only on the side (load or real) it was recorded on, as a read of the row would.
 *
 * <p>Bounded by {@code size} (the oldest forgotten first) and {@code keep} ({@link RecentFinalsProperties}), in the kit's
 * {@link RecentlyKept}: one put per settled order and one look-up per notification, each a few map operations.
 */
@Component
public class RecentFinals {

    /** In the order recorded, oldest first. */
    private final RecentlyKept<Key, Final> finals;

    public RecentFinals(RecentFinalsProperties properties, Clock clock) {
        this.finals = new RecentlyKept<>(properties.size(), properties.keep(), clock);
    }

    /** Remembers the order's result if it is final; an open order is not remembered. */
    void recorded(ChannelOrder order) {
        if (!finals.keeps() || !order.status().isFinal()) {
            return;
        }
        // a result recorded again goes to the young end
        finals.put(new Key(ShadowContext.active(), order.channelOrderNo()),
                new Final(order.channel(), order.status(), order.amount(), order.channelTradeNo()));
    }

    /** The final result recorded for the order, on this side (load or real), no longer ago than {@code keep}. */
    Optional<Final> of(String channelOrderNo) {
        return finals.get(new Key(ShadowContext.active(), channelOrderNo));
    }

    /** How many results are remembered now. */
    int size() {
        return finals.size();
    }

    /** An order's number on one side: load traffic's rows are in the shadow databases, apart from the real ones. */
    private record Key(boolean load, String channelOrderNo) {
    }

    /** A final result as its compare-and-set wrote it. */
    record Final(ChannelCode channel, ChannelOrderStatus status, Money amount, String channelTradeNo) {

        /** The notification states exactly this result ({@link ChannelNotifications#repeatsFinal}'s rule). */
        boolean repeatedBy(ChannelCall call) {
            return ChannelNotifications.repeatsFinal(status, amount, channelTradeNo, call);
        }
    }
}
