package io.paysuite.channel.order;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import java.time.Instant;

/** A charge at a channel, keyed by our channel order number (the channel's out-trade-no). */
public record ChannelOrder(String channelOrderNo, String payOrderNo, String tradeNo, String merchantId,
                           ChannelCode channel, PayMethod method, Money amount, String subject,
                           ChannelOrderStatus status, String codeUrl, String channelTradeNo, String rawCode,
                           String finalSource, Instant expiresAt, Instant createdAt, Instant finishedAt) {

    /** Our channel order number for a pay order: its digits under a {@code C}, ≤ 32 chars, no separators (UnionPay's rule too). */
    public static String numberFor(String payOrderNo) {
        return "C" + payOrderNo.substring(1);
    }

    public ChannelOrderDTO toDTO() {
        return new ChannelOrderDTO(channelOrderNo, payOrderNo, tradeNo, channel, method, amount, status, codeUrl, channelTradeNo,
                rawCode, createdAt, finishedAt);
    }
}
