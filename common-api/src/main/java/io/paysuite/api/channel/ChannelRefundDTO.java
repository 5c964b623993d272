package io.paysuite.api.channel;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.time.Instant;

/**
 * A refund at a channel. {@code PROCESSING} covers "not sent yet", "accepted, not done" and "unknown"
 * alike: only the channel's definite answer makes it {@code SUCCESS} or {@code FAILED}.
 */
public record ChannelRefundDTO(String refundNo, String channelOrderNo, ChannelCode channel, Money refund, ChannelRefundStatus status,
                               String rawCode, String channelRefundNo, Instant createdAt, Instant finishedAt) implements Serializable {
}
