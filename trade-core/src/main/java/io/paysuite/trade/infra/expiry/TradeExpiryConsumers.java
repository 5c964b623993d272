package io.paysuite.trade.infra.expiry;

import io.paysuite.api.event.EventType;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.Handled;
import io.paysuite.kit.mq.Subscription;
import io.paysuite.trade.expiry.ExpiryArming;
import io.paysuite.trade.expiry.ExpiryTimers;
import io.paysuite.trade.expiry.GuaranteeAutoConfirm;
import io.paysuite.trade.expiry.GuaranteeTimers;
import io.paysuite.trade.expiry.TradeExpiry;
import io.paysuite.trade.infra.event.TradeEventsProperties;
import io.paysuite.trade.order.TradeConfirmer;
import io.paysuite.trade.order.TradeEventLog;
import io.paysuite.trade.order.RecentlyFinalTrades;
import io.paysuite.trade.order.TradeFinder;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumers of {@link TradeExpiry} and {@link GuaranteeAutoConfirm}: {@code TRADE_CREATED} arms a
 * trade's expiry timer ({@link ExpiryArming}, told of final trades by {@link RecentlyFinalTrades}),
 * {@code TRADE_SUCCEEDED} a guarantee trade's auto-confirm timer; a fired timer closes the trade, confirms it,
 * or sets the next hop. A message that fails comes back with the broker's backoff.
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
    RecentlyFinalTrades recentlyFinalTrades(ExpiryProperties properties, Clock clock) {
        return new RecentlyFinalTrades(properties.rememberedFinal(), properties.finalRemembered(), clock);
    }

    /** Stops before the timers it sets (it depends on them), arming what still waits. */
    @Bean
    ExpiryArming expiryArming(ExpiryTimers timers, RecentlyFinalTrades recentlyFinal, ExpiryProperties properties,
                              Clock clock) {
        return new ExpiryArming(timers, recentlyFinal, properties.armAfter(), properties.pendingArms(), clock);
    }

    @Bean
    GuaranteeAutoConfirm guaranteeAutoConfirm(GuaranteeTimers timers, TradeConfirmer confirmer, TradeFinder finder,
                                              TradeEventLog events, GuaranteeProperties guarantee, Clock clock) {
        return new GuaranteeAutoConfirm(timers, confirmer, finder, events, guarantee.autoConfirmAfter(), guarantee.refundWait(),
                clock);
    }

    @Bean
    EventConsumer guaranteeAutoConfirmScheduler(GuaranteeAutoConfirm autoConfirm, ExpiryProperties properties,
                                                TradeEventsProperties events) {
        return new EventConsumer(Subscription.of("paysuite-trade-auto-confirm-scheduler", properties.namesrv(), events.topic(),
                EventType.TRADE_SUCCEEDED.tag(), POLL_NAME_SERVER_MS), message -> {
                    autoConfirm.paid(EventCodec.decode(EventType.TRADE_SUCCEEDED, message));
                    return Handled.DONE;
                });
    }

    @Bean
    EventConsumer tradeExpiryTimers(TradeExpiry expiry, GuaranteeAutoConfirm autoConfirm, ExpiryProperties properties) {
        return new EventConsumer(Subscription.of("paysuite-trade-expiry", properties.namesrv(), properties.topic(), "*",
                POLL_NAME_SERVER_MS), message -> {
                    String tradeNo = EventCodec.decode(EventType.TRADE_EXPIRY, message).tradeNo();
                    if (RocketMqExpiryTimers.autoConfirm(message)) {
                        autoConfirm.due(tradeNo);
                    } else {
                        expiry.due(tradeNo);
                    }
                    return Handled.DONE;
                });
    }
}
