package io.paysuite.cashier.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The two ways attempts are asked for:
 * <ul>
 *   <li>trade events ({@code TRADE_SUCCEEDED || TRADE_CLOSED || TRADE_FINISHED || REFUND_SUCCEEDED ||
 *       REFUND_FAILED}, group {@code paysuite-cashier-notify}): the notification is built and stored once,
 *       keyed by the event's {@code eventId}, and its first attempt requested. A redelivered event
 *       finds its notification stored and does nothing;</li>
 *   <li>retry timers ({@link NotifyTimers}): the attempt they carry is requested.</li>
 * </ul>
 * Neither waits for a merchant: requesting an attempt only queues it for a delivery slot. A failure
 * to build or store (trade-core or the database unreachable) answers RECONSUME_LATER and the broker
 * brings the event back with its backoff.
 */
@Component
public class NotifyConsumers implements SmartLifecycle {

    /** The user property trade-core puts the event id in (also one of the message keys). */
    static final String EVENT_ID = "eventId";
    private static final Logger log = LoggerFactory.getLogger(NotifyConsumers.class);

    private final NotificationBodies bodies;
    private final NotificationStore store;
    private final NotificationDispatcher dispatcher;
    private final ObjectMapper json;
    private final Clock clock;
    private final DefaultMQPushConsumer onEvent;
    private final DefaultMQPushConsumer onTimer;
    private volatile boolean running;

    public NotifyConsumers(NotificationBodies bodies, NotificationStore store, NotificationDispatcher dispatcher,
                           ObjectMapper json, Clock clock, NotifyProperties properties) throws MQClientException {
        this.bodies = bodies;
        this.store = store;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
        onEvent = new DefaultMQPushConsumer(properties.group());
        onTimer = new DefaultMQPushConsumer(properties.retryGroup());
        for (DefaultMQPushConsumer consumer : List.of(onEvent, onTimer)) {
            consumer.setNamesrvAddr(properties.namesrv());
            // a new group starts at the oldest retained message: a notification sent twice is allowed
            // (merchants deduplicate on id), one never sent is not
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.setPollNameServerInterval(10_000); // find a topic created after start within seconds
            consumer.setConsumeThreadMin(2);
            consumer.setConsumeThreadMax(4);
        }
        onEvent.subscribe(properties.tradeTopic(), NotifyEventType.subscription());
        onEvent.registerMessageListener((MessageListenerConcurrently) (messages, context) -> each(messages, this::onEvent));
        onTimer.subscribe(properties.retryTopic(), NotifyTimers.TAG);
        onTimer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> each(messages, this::onTimer));
    }

    private void onEvent(MessageExt message) throws Exception {
        NotifyEventType type = NotifyEventType.ofTag(message.getTags()).orElse(null);
        if (type == null) {
            return;
        }
        String eventId = message.getUserProperty(EVENT_ID);
        if (eventId == null || eventId.isBlank()) {
            log.error("ALARM: trade event {} {} without an eventId: no notification (cannot be deduplicated)",
                    message.getTags(), message.getKeys());
            return;
        }
        if (store.exists(eventId)) {
            return; // a redelivered event
        }
        Notification notification = bodies.build(type, eventId, message.getBody(),
                Instant.ofEpochMilli(message.getBornTimestamp()), clock.instant());
        if (notification.notifyUrl() == null || notification.notifyUrl().isBlank()) {
            return; // a till-only payment-code trade whose merchant named no notify_url
        }
        if (store.insert(notification)) {
            log.info("notification {} {} of trade {} to {}", eventId, notification.eventType(), notification.tradeNo(),
                    notification.notifyUrl());
            dispatcher.request(eventId, 1, "event");
        }
    }

    private void onTimer(MessageExt message) throws Exception {
        JsonNode timer = json.readTree(message.getBody());
        dispatcher.request(timer.path("event_id").asText(), timer.path("attempt").asInt(), "timer");
    }

    private interface Handler {
        void handle(MessageExt message) throws Exception;
    }

    private static ConsumeConcurrentlyStatus each(List<MessageExt> messages, Handler handler) {
        for (MessageExt message : messages) {
            try {
                handler.handle(message);
            } catch (Exception e) {
                log.warn("message {} {} failed, will be redelivered: {}", message.getTags(), message.getKeys(), e.toString());
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    @Override
    public void start() {
        try {
            onTimer.start();
            onEvent.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the notification consumers", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        onEvent.shutdown();
        onTimer.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started last and stopped first: nothing is asked of a dispatcher that is not running. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
