package io.paysuite.channel.refund;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelRefundDTO;
import io.paysuite.api.money.Money;
import java.time.Instant;

/** A refund at a channel; its status reuses the channel order's states (CREATED, PROCESSING, SUCCESS, FAILED). */
public record ChannelRefund(String refundNo, String channelOrderNo, ChannelCode channel, Money refund, ChannelOrderStatus status,
                            String rawCode, String channelRefundNo, Instant createdAt, Instant finishedAt) {

    public ChannelRefundDTO toDTO() {
        ChannelOrderStatus shown = status == ChannelOrderStatus.CREATED ? ChannelOrderStatus.PROCESSING : status;
        return new ChannelRefundDTO(refundNo, channelOrderNo, channel, refund, shown, rawCode, channelRefundNo, createdAt, finishedAt);
    }
}
