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
 * @param armAfter how long after {@code TRADE_CREATED} a trade's timer is set, unless this instance saw the trade
 *                 become final meanwhile (then none is): most trades are paid within seconds, and a timer set at
 *                 once costs every one of them a send, the broker's timer log, a delivery and a read of the trade.
 *                 A trade expiring sooner, and a pre-authorisation, are set at once; zero sets every timer at once.
 *                 A crash loses the arms still waiting: the janitor's expired-trade sweep closes those trades
 *                 ({@code paysuite.trade.janitor.expired-age} + {@code expired-every} after their expiry)
 * @param pendingArms at most this many timers wait to be armed; one more is set at once
 * @param rememberedFinal at most this many trades seen final are remembered (for {@code 2 × arm-after})
 */
@ConfigurationProperties("paysuite.expiry")
public record ExpiryProperties(
        @DefaultValue("127.0.0.1:19876") String namesrv,
        @DefaultValue(Topics.TRADE_EXPIRY) String topic,
        @DefaultValue("2d") Duration maxDelay,
        @DefaultValue("10s") Duration armAfter,
        @DefaultValue("50000") int pendingArms,
        @DefaultValue("50000") int rememberedFinal) {

    public ExpiryProperties {
        if (armAfter == null || armAfter.isNegative()) {
            throw new IllegalArgumentException("paysuite.expiry.arm-after must be zero or positive");
        }
        if (pendingArms < 1 || rememberedFinal < 1) {
            throw new IllegalArgumentException("paysuite.expiry.pending-arms and remembered-final must be positive");
        }
    }

    /**
     * How long a trade seen final is remembered: twice the grace, so a {@code TRADE_CREATED} consumed up to one grace
     * late (a backlog) still finds the payment that came before it.
     */
    public Duration finalRemembered() {
        return armAfter.multipliedBy(2);
    }
}
