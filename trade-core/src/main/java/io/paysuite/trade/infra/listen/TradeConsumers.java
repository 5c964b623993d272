package io.paysuite.trade.infra.listen;

import io.paysuite.api.event.EventType;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.LateFollowUps;
import io.paysuite.kit.mq.MessageProducer;
import io.paysuite.kit.mq.MessageSender;
import io.paysuite.kit.mq.Subscription;
import io.paysuite.trade.infra.event.TradeEventsProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * trade-core's follow-up consumers ({@link TradeFollowUps}) and their escape from the dead-letter
 * queue. A late copy goes to the trade event topic under its own tag, {@value #LATE_TAG}, which only
 * trade-core's follow-up consumer subscribes to: the merchant notifications (cashier) never see it twice.
 */
@Configuration(proxyBeanMethods = false)
public class TradeConsumers {

    static final String LATE_TAG = "FOLLOW_UP_LATE";
    static final String FIRST_TRIED_AT = "PAYSUITE_FIRST_TRIED_AT";
    private static final int POLL_NAME_SERVER_MS = 10_000;

    @Bean
    MessageProducer lateFollowUpProducer(TradeEventsProperties events) {
        return new MessageProducer("paysuite-trade-late-followups", events.namesrv(), null, SmartLifecycle.DEFAULT_PHASE);
    }

    @Bean
    EventConsumer tradeOnPay(TradeFollowUps followUps, MessageProducer lateFollowUpProducer, FollowUpProperties properties,
                             TradeEventsProperties events, PayEventsTopic payEvents) {
        return onPay(followUps, late(properties, events, lateFollowUpProducer), payEvents, events);
    }

    @Bean
    EventConsumer tradeOnFollowUps(TradeFollowUps followUps, MessageProducer lateFollowUpProducer, FollowUpProperties properties,
                                 TradeEventsProperties events) {
        return onTrade(followUps, late(properties, events, lateFollowUpProducer), events);
    }

    static LateFollowUps late(FollowUpProperties properties, TradeEventsProperties events, MessageSender sender) {
        return new LateFollowUps(new LateFollowUps.Plan("follow-up", events.topic(), LATE_TAG, FIRST_TRIED_AT, Duration.ZERO,
                properties.lateEvery(), properties.overdueAfter()), sender);
    }

    static EventConsumer onPay(TradeFollowUps followUps, LateFollowUps late, PayEventsTopic payEvents,
                               TradeEventsProperties events) {
        return new EventConsumer(subscription("paysuite-trade-on-pay", events, payEvents.topic(),
                EventType.PAY_SUCCEEDED.tag()), followUps::paid, late, SmartLifecycle.DEFAULT_PHASE);
    }

    static EventConsumer onTrade(TradeFollowUps followUps, LateFollowUps late, TradeEventsProperties events) {
        String tags = EventType.subscription(List.of(EventType.TRADE_FINISHED.tag(), EventType.REFUND_ACCEPTED.tag(), LATE_TAG,
                EventType.TRADE_CAPTURED.tag(), EventType.TRADE_VOIDED.tag()));
        return new EventConsumer(subscription("paysuite-trade-followups", events, events.topic(), tags), followUps::followUp,
                late, SmartLifecycle.DEFAULT_PHASE);
    }

    private static Subscription subscription(String group, TradeEventsProperties events, String topic, String tags) {
        return Subscription.of(group, events.namesrv(), topic, tags, POLL_NAME_SERVER_MS).threads(4, 8)
                .retries(LateFollowUps.BROKER_RETRIES);
    }
}
