package io.paysuite.channel.infra;

import java.time.LocalDateTime;

/** Row of {@code channel_order}; times are UTC. */
public record ChannelOrderDO(String channelOrderNo, String payOrderNo, String tradeNo, String merchantId, String channel,
                             String method, long amountMinor, String currency, String subject, String status,
                             String codeUrl, String channelTradeNo, String rawCode, String finalSource,
                             LocalDateTime expiresAt, LocalDateTime createdAt, LocalDateTime updatedAt,
                             LocalDateTime finishedAt, int version, int attempt, String reroutedTo,
                             boolean authorisation) {
}
