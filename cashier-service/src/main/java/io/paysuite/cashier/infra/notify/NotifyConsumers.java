package io.paysuite.cashier.infra.notify;

import io.paysuite.api.event.EventType;
import io.paysuite.api.event.NotifyAttemptDue;
import io.paysuite.cashier.notify.NotificationDispatcher;
import io.paysuite.cashier.notify.NotificationIntake;
import io.paysuite.cashier.notify.NotifyEventType;
import io.paysuite.cashier.notify.NotifyProperties;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.Handled;
import io.paysuite.kit.mq.Subscription;
import java.time.Instant;
import java.util.List;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two ways attempts are asked for:
 * <ul>
 *   <li>trade events ({@code TRADE_SUCCEEDED || TRADE_CLOSED || TRADE_FINISHED || REFUND_SUCCEEDED ||
 *       REFUND_FAILED}, group {@code paysuite-cashier-notify}) go to {@link NotificationIntake};</li>
 *   <li>retry timers ({@code NOTIFY_ATTEMPT}): the attempt they carry is requested.</li>
 *   <li>settlement ends ({@code SETTLEMENT_FINISHED} on the ledger topic, group {@code paysuite-cashier-notify-settlement})
 *       go to {@link NotificationIntake#acceptSettlement}, finished profit-sharing orders ({@code PROFIT_SHARING_FINISHED},
 *       same topic and group) to {@link NotificationIntake#acceptProfitSharing};</li>
 * </ul>
 * A failure to build or store (trade-core or the database unreachable) comes back with the broker's
 * backoff. Both consumers start last and stop first: nothing is asked of a dispatcher that is not running.
 */
@Configuration(proxyBeanMethods = false)
public class NotifyConsumers {

    /** The user property trade-core puts the event id in (also one of the message keys). */
    static final String EVENT_ID = "eventId";
    private static final int PHASE = Integer.MAX_VALUE - 100;
    /** Finds a topic created after start within seconds. */
    private static final int POLL_NAME_SERVER_MS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(NotifyConsumers.class);

    @Bean
    EventConsumer notifyOnTradeEvent(NotificationIntake intake, NotifyProperties properties) {
        return new EventConsumer(Subscription.of(properties.group(), properties.namesrv(), properties.tradeTopic(),
                NotifyEventType.subscription(), POLL_NAME_SERVER_MS).threads(2, 4), message -> onEvent(intake, message), null, PHASE);
    }

    @Bean
    EventConsumer notifyOnTimer(NotificationDispatcher dispatcher, NotifyProperties properties) {
        return new EventConsumer(Subscription.of(properties.retryGroup(), properties.namesrv(), properties.retryTopic(),
                EventType.NOTIFY_ATTEMPT.tag(), POLL_NAME_SERVER_MS).threads(2, 4), message -> {
                    NotifyAttemptDue due = EventCodec.decode(EventType.NOTIFY_ATTEMPT, message);
                    dispatcher.request(due.eventId(), due.attempt(), "timer");
                    return Handled.DONE;
                }, null, PHASE);
    }

    /**
     * Settlement ends ({@code SETTLEMENT_FINISHED}) and finished profit-sharing orders
     * ({@code PROFIT_SHARING_FINISHED}), both on accounting-service's ledger topic, become merchant notifications.
     */
    @Bean
    EventConsumer notifyOnSettlement(NotificationIntake intake, NotifyProperties properties) {
        return new EventConsumer(Subscription.of(properties.ledgerGroup(), properties.namesrv(), properties.ledgerTopic(),
                EventType.subscription(List.of(EventType.SETTLEMENT_FINISHED.tag(), EventType.PROFIT_SHARING_FINISHED.tag())),
                POLL_NAME_SERVER_MS).threads(1, 2), message -> {
                    Instant at = Instant.ofEpochMilli(message.getBornTimestamp());
                    if (EventType.PROFIT_SHARING_FINISHED.tag().equals(message.getTags())) {
                        intake.acceptProfitSharing(EventCodec.decode(EventType.PROFIT_SHARING_FINISHED, message), at);
                    } else {
                        intake.acceptSettlement(EventCodec.decode(EventType.SETTLEMENT_FINISHED, message), at);
                    }
                    return Handled.DONE;
                }, null, PHASE);
    }

    private static Handled onEvent(NotificationIntake intake, MessageExt message) throws Exception {
        NotifyEventType type = NotifyEventType.ofTag(message.getTags()).orElse(null);
        if (type == null) {
            return Handled.DONE;
        }
        String eventId = message.getUserProperty(EVENT_ID);
        if (eventId == null || eventId.isBlank()) {
            log.error("ALARM: trade event {} {} without an eventId: no notification (cannot be deduplicated)",
                    message.getTags(), message.getKeys());
            return Handled.DONE;
        }
        intake.accept(type, eventId, message.getBody(), Instant.ofEpochMilli(message.getBornTimestamp()));
        return Handled.DONE;
    }
}
