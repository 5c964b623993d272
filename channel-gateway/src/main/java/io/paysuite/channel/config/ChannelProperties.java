package io.paysuite.channel.config;

import io.paysuite.api.event.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * channel-gateway's own settings: {@code paysuite.channel.*}.
 *
 * @param namesrv     RocketMQ name server
 * @param resultTopic topic on which a finished channel order is announced to pay-core (pay-core's
 *                    {@code paysuite.pay.channel-result-topic}, same default)
 * @param closeGrace  how long after a QR order's expiry the gateway waits before closing it at
 *                    the channel (clock skew between us and the channel)
 * @param followUpTopic    delayed "look at this channel order again" messages
 * @param codePollEvery    payment code: the gap between queries while the buyer confirms
 * @param codeReverseAfter payment code: an order unpaid this long after the charge is reversed
 */
@ConfigurationProperties("paysuite.channel")
public record ChannelProperties(
        @DefaultValue("127.0.0.1:19876") String namesrv,
        @DefaultValue(Topics.CHANNEL_EVENT) String resultTopic,
        @DefaultValue("60s") Duration closeGrace,
        @DefaultValue(Topics.CHANNEL_FOLLOW_UP) String followUpTopic,
        @DefaultValue("5s") Duration codePollEvery,
        @DefaultValue("30s") Duration codeReverseAfter) {
}
