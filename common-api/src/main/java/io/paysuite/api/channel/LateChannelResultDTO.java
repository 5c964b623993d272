package io.paysuite.api.channel;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.time.Instant;

/**
 * A channel's success that arrived after its channel order was already final (closed, reversed, refused). The order
 * kept its first result; the buyer is paid back through the channel under {@code refundNo}.
 *
 * @param heldStatus   the order's final status when the success arrived
 * @param source       what reported the success: {@code NOTIFY_QUERY}, {@code QUERY}, {@code SYNC} …
 * @param paid         what the channel says the buyer paid
 * @param refundStatus the pay-back refund's status ({@code PROCESSING} while not final), or null if not yet recorded
 */
public record LateChannelResultDTO(long id, String channelOrderNo, String payOrderNo, ChannelCode channel,
                                   ChannelOrderStatus heldStatus, String rawCode, String source, String detail,
                                   String channelTradeNo, Money paid, String refundNo, ChannelRefundStatus refundStatus,
                                   Instant at) implements Serializable {
}
