package io.paysuite.trade.infra.expiry;

import io.paysuite.api.event.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Closing unpaid trades at {@code time_expire} with RocketMQ timer messages.
 *
 * @param namesrv the name server (the launcher passes the events' one)
 * @param topic the timer topic
 * @param maxDelay the longest single timer; a later expiry is reached in hops (RocketMQ's
 *                 {@code timerMaxDelaySec} defaults to 3 days, trades may wait 15)
 */
@ConfigurationProperties("paysuite.expiry")
public record ExpiryProperties(
        @DefaultValue("127.0.0.1:19876") String namesrv,
        @DefaultValue(Topics.TRADE_EXPIRY) String topic,
        @DefaultValue("2d") Duration maxDelay) {
}
