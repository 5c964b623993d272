package io.paysuite.channel.refund;

import io.paysuite.api.channel.ChannelRefundStatus;
import java.time.Instant;
import java.util.Optional;

/** Channel refunds; every state change is a compare-and-set on the status, inside {@link ChannelRefundTransitions#TABLE}. */
public interface ChannelRefundRepository {

    /** @return false when the refund number is already recorded (the unique key decided; read it back) */
    boolean insert(ChannelRefund refund);

    Optional<ChannelRefund> find(String refundNo);

    /**
     * {@code from → to}, keeping what the answer told (raw code, the channel's refund number) when given.
     *
     * @return false when the refund was no longer {@code from}
     * @throws io.paysuite.kit.state.StateTable.IllegalTransitionException when the table does not allow {@code from → to}
     */
    boolean transition(String refundNo, ChannelRefundStatus from, ChannelRefundStatus to, String rawCode, String channelRefundNo,
                       Instant at);
}
