package io.paysuite.channel.order;

import io.paysuite.api.channel.ChannelOrderStatus;
import java.time.Instant;

/**
 * A channel's success recorded after its order was already final: the order kept its first result, and the
 * buyer is paid back through the channel under {@code refundNo}.
 *
 * @param paidMinor the amount the channel says the buyer paid, in {@code currency}
 */
public record LateResult(long id, String channelOrderNo, ChannelOrderStatus held, String rawCode, String source, String detail,
                         String channelTradeNo, long paidMinor, String currency, String refundNo, Instant at) {
}
