package io.paysuite.channel.reconcile;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.refund.ChannelRefund;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What reconciliation reads of our channel refunds (read-only). */
public interface SucceededRefunds {

    /** {@code channel}'s refunds with status SUCCESS and {@code finished_at} in {@code [from, to)}. */
    List<ChannelRefund> refundedBetween(ChannelCode channel, Instant from, Instant to);

    /** Any channel refund by our refund number, whatever its state or day. */
    Optional<ChannelRefund> findRefund(String refundNo);
}
