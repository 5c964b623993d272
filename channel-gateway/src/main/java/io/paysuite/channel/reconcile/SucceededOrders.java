package io.paysuite.channel.reconcile;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.order.ChannelOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What reconciliation reads of our channel orders (read-only). */
public interface SucceededOrders {

    /** {@code channel}'s orders with status SUCCESS and {@code finished_at} in {@code [from, to)}. */
    List<ChannelOrder> succeededBetween(ChannelCode channel, Instant from, Instant to);

    /** Any channel order by our channel order number, whatever its state or day. */
    Optional<ChannelOrder> find(String channelOrderNo);
}
