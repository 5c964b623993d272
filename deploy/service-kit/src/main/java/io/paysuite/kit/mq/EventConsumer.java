package io.paysuite.kit.mq;

import io.paysuite.kit.shadow.ShadowMessages;
import io.paysuite.kit.trace.MessageTrace;
import java.util.List;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A RocketMQ push consumer run by the application context: started with it, stopped before what its
 * handler uses. Each message goes to the {@link MessageHandler}; a message not done comes back with
 * the broker's backoff (10 s, 30 s, 1 min … 2 h) — or, with {@link LateFollowUps}, is sent again
 * every few hours once that backoff is used up, never left in the dead-letter queue.
 *
 * <p>A new group starts at the oldest retained message: handling a message twice is harmless
 * (handlers are idempotent), missing one is not.
 *
 * <p>It runs on the process's one RocketMQ client instance ({@link ProcessClient}): the instance pulls for every
 * consumer of the service, and each consumer handles its messages on its own threads (the subscription's, else
 * {@code paysuite.kit.rocketmq.consume-threads}).
 */
public class EventConsumer extends RocketMqClient {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final Subscription subscription;
    private final MessageHandler handler;
    private final LateFollowUps late;
    private final DefaultMQPushConsumer consumer;

    /**
     * @param late  the escape from the dead-letter queue, or null to leave the broker's backoff alone
     * @param phase the lifecycle phase: after what the handler uses starts, stopped before it stops
     */
    public EventConsumer(Subscription subscription, MessageHandler handler, LateFollowUps late, int phase) {
        super("consumer " + subscription.group(), phase);
        this.subscription = subscription;
        this.handler = handler;
        this.late = late;
        consumer = new DefaultMQPushConsumer(subscription.group());
        consumer.setNamesrvAddr(subscription.namesrv());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        if (subscription.threadsMin() > 0) {
            consumer.setConsumeThreadMin(subscription.threadsMin());
            consumer.setConsumeThreadMax(subscription.threadsMax());
        }
        if (subscription.maxReconsumeTimes() >= 0) {
            consumer.setMaxReconsumeTimes(subscription.maxReconsumeTimes());
        }
        try {
            consumer.subscribe(subscription.topic(), subscription.tags());
        } catch (MQClientException e) {
            throw new IllegalArgumentException("cannot subscribe " + subscription, e);
        }
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            ConsumeConcurrentlyStatus status = consume(messages);
            if (status == ConsumeConcurrentlyStatus.RECONSUME_LATER) {
                context.setDelayLevelWhenNextConsume(RetryPace.levelAfter(messages.get(0).getReconsumeTimes()));
            }
            return status;
        });
    }

    public EventConsumer(Subscription subscription, MessageHandler handler) {
        this(subscription, handler, null, DEFAULT_PHASE);
    }

    /**
     * Each message handled in turn; the first one not done comes back later. With a
     * {@link LateFollowUps}, a message whose broker retries are used up is sent again as a late copy
     * instead, and counts as consumed once the broker stored the copy.
     */
    public ConsumeConcurrentlyStatus consume(List<MessageExt> messages) {
        for (MessageExt message : messages) {
            // in the trace the message carries, so the handler's log lines and the late copy keep its id
            if (!MessageTrace.consuming(message, () -> ShadowMessages.restoring(message, () -> settled(message)))) {
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    /** Handled, or handed over to a late copy; false when it must come back. */
    private boolean settled(MessageExt message) {
        if (handled(message) == Handled.DONE) {
            return true;
        }
        return late != null && !late.brokerRetriesLeft(message) && late.later(message);
    }

    private Handled handled(MessageExt message) {
        try {
            return handler.handle(message);
        } catch (Exception e) {
            log.warn("{} {} {} failed, will be redelivered: {}", subscription.group(), message.getTags(), message.getKeys(), e.toString());
            return Handled.RETRY;
        }
    }

    @Override
    void open() throws MQClientException {
        ProcessClient.join(consumer, subscription).start();
    }

    @Override
    void close() {
        consumer.shutdown();
    }

    @Override
    MQClientInstance clientInstance() {
        return consumer.getDefaultMQPushConsumerImpl().getmQClientFactory();
    }
}
