package io.paysuite.channel.config;

import io.paysuite.api.event.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * channel-gateway's messaging settings: {@code paysuite.channel.*}. How open orders are followed up
 * (close grace, payment-code polling and reversal, how long a notification waits for a charge in flight) is
 * {@code charge.FollowUpProperties}, under the same prefix.
 *
 * @param namesrv       RocketMQ name server
 * @param resultTopic   topic on which a finished channel order is announced to pay-core
 * @param followUpTopic delayed "look at this channel order again" messages
 */
@ConfigurationProperties("paysuite.channel")
public record ChannelProperties(
        @DefaultValue("127.0.0.1:19876") String namesrv,
        @DefaultValue(Topics.CHANNEL_EVENT) String resultTopic,
        @DefaultValue(Topics.CHANNEL_FOLLOW_UP) String followUpTopic) {
}
