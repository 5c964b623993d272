package io.paysuite.api.channel;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import java.io.Serializable;
import java.time.Instant;

/**
 * A channel order as the gateway knows it.
 *
 * @param channelOrderNo our number sent to the channel as its out-trade-no
 * @param codeUrl        the QR code's content for QR methods once the channel issued it
 * @param channelTradeNo the channel's own number once it told us
 * @param rawCode        the channel's last code that decided or explains the state
 */
public record ChannelOrderDTO(String channelOrderNo, String payOrderNo, String tradeNo, ChannelCode channel, PayMethod method,
                              Money amount, ChannelOrderStatus status, String codeUrl, String channelTradeNo,
                              String rawCode, Instant createdAt, Instant finishedAt) implements Serializable {
}
