package io.paysuite.channel.refund;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelRefundDTO;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.money.Money;
import java.time.Instant;

/** A refund at a channel, keyed by our refund number (which the channel also keys on). */
public record ChannelRefund(String refundNo, String channelOrderNo, ChannelCode channel, Money refund, ChannelRefundStatus status,
                            String rawCode, String channelRefundNo, Instant createdAt, Instant finishedAt) {

    public ChannelRefundDTO toDTO() {
        ChannelRefundStatus shown = status == ChannelRefundStatus.CREATED ? ChannelRefundStatus.PROCESSING : status;
        return new ChannelRefundDTO(refundNo, channelOrderNo, channel, refund, shown, rawCode, channelRefundNo, createdAt, finishedAt);
    }
}
