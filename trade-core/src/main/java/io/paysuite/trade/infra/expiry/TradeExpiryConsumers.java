package io.paysuite.trade.infra.expiry;

import io.paysuite.api.event.EventType;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.Handled;
import io.paysuite.kit.mq.Subscription;
import io.paysuite.trade.expiry.TradeExpiry;
import io.paysuite.trade.infra.event.TradeEventsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two consumers of {@link TradeExpiry}: {@code TRADE_CREATED} sets a trade's timer, a fired timer
 * closes the trade or sets the next hop. A message that fails comes back with the broker's backoff.
 */
@Configuration(proxyBeanMethods = false)
public class TradeExpiryConsumers {

    /** Finds a topic created after start within seconds. */
    private static final int POLL_NAME_SERVER_MS = 10_000;

    @Bean
    EventConsumer tradeExpiryScheduler(TradeExpiry expiry, ExpiryProperties properties, TradeEventsProperties events) {
        return new EventConsumer(Subscription.of("paysuite-trade-expiry-scheduler", properties.namesrv(), events.topic(),
                EventType.TRADE_CREATED.tag(), POLL_NAME_SERVER_MS), message -> {
                    expiry.created(EventCodec.decode(EventType.TRADE_CREATED, message));
                    return Handled.DONE;
                });
    }

    @Bean
    EventConsumer tradeExpiryTimers(TradeExpiry expiry, ExpiryProperties properties) {
        return new EventConsumer(Subscription.of("paysuite-trade-expiry", properties.namesrv(), properties.topic(), "*",
                POLL_NAME_SERVER_MS), message -> {
                    expiry.due(EventCodec.decode(EventType.TRADE_EXPIRY, message).tradeNo());
                    return Handled.DONE;
                });
    }
}
