package io.paysuite.kit.mq;

import io.paysuite.kit.shadow.ShadowMessages;
import io.paysuite.kit.trace.MessageTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A plain RocketMQ producer with the suite's settings, started and stopped with the application
 * context; it sends announcements, durable timers and the events of an outbox (trade-core's and pay-core's, after their commit).
 *
 * <p>A timer is a RocketMQ 5 timer message ({@link #sendAt}: {@code deliverTimeMs}): the broker keeps
 * it, so it survives a restart or a crash of every instance of the service and is taken by whichever
 * instance of the consumer group is up when it fires. It may come early (the timer wheel ticks once a
 * second) or more than once, so whoever handles it reads the state it is about before acting.
 *
 * <p>Like every client of the kit it runs on the process's one RocketMQ client instance ({@link ProcessClient}).
 */
public class MessageProducer extends RocketMqClient implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageProducer.class);

    private final DefaultMQProducer producer;

    /**
     * @param sendTimeout null for the client's default
     * @param phase       the lifecycle phase: before whatever sends through it, stopped after it
     */
    public MessageProducer(String group, String namesrv, Duration sendTimeout, int phase) {
        super("producer " + group, phase);
        producer = QuietProducer.quiet(new DefaultMQProducer(group));
        producer.setNamesrvAddr(namesrv);
        if (sendTimeout != null) {
            producer.setSendMsgTimeout(Math.toIntExact(sendTimeout.toMillis()));
        }
    }

    public MessageProducer(String group, String namesrv, Duration sendTimeout) {
        this(group, namesrv, sendTimeout, DEFAULT_PHASE);
    }

    /** Stores the message; throws when the broker did not store it, or may not have. */
    @Override
    public void send(Message message) {
        SendStatus status = sendForStatus(message);
        if (status != SendStatus.SEND_OK) {
            throw new IllegalStateException("broker did not store " + message.getTags() + " " + message.getKeys() + ": " + status);
        }
    }

    /** Sends the message and answers how the broker stored it; throws only when it could not be sent. */
    public SendStatus sendForStatus(Message message) {
        try {
            return MessageTrace.sending(ShadowMessages.mark(message), () -> producer.send(message).getSendStatus());
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + message.getTags() + " " + message.getKeys() + " to " + message.getTopic(), e);
        }
    }

    /**
     * Sends on the client's asynchronous path: the caller goes on at once, the callback runs on the client's callback
     * thread when the broker answers (or the send timeout passes). A status other than {@code SEND_OK} is "not stored",
     * as {@link #send} throws for it. The trace and load-traffic marks are put on the message here, on the caller's
     * thread, where its context is.
     */
    @Override
    public void sendThen(Message message, Runnable stored, Consumer<RuntimeException> notStored) {
        try {
            MessageTrace.sending(ShadowMessages.mark(message), () -> {
                producer.send(message, new SendCallback() {
                    @Override
                    public void onSuccess(SendResult result) {
                        if (result.getSendStatus() == SendStatus.SEND_OK) {
                            stored.run();
                        } else {
                            notStored.accept(new IllegalStateException("broker did not store " + message.getTags()
                                    + " " + message.getKeys() + ": " + result.getSendStatus()));
                        }
                    }

                    @Override
                    public void onException(Throwable e) {
                        notStored.accept(new IllegalStateException("cannot send " + message.getTags() + " "
                                + message.getKeys() + " to " + message.getTopic(), e));
                    }
                });
                return null;
            });
        } catch (Exception e) {
            // refused before it left (client not started, bad message, async queue full): nothing is in flight
            notStored.accept(new IllegalStateException("cannot send " + message.getTags() + " " + message.getKeys()
                    + " to " + message.getTopic(), e));
        }
    }

    /** The message as a timer firing at {@code fireAt} (at once when that is not in the future). */
    public static Message timer(Message message, Instant fireAt) {
        if (fireAt.toEpochMilli() > System.currentTimeMillis()) {
            message.setDeliverTimeMs(fireAt.toEpochMilli());
        }
        return message;
    }

    /** Stores {@code message} as a timer firing at {@code fireAt}; throws when it may not be stored. */
    public void sendAt(Message message, Instant fireAt) {
        send(timer(message, fireAt));
    }

    /**
     * Creates {@code topic} if the name server does not know it yet, so that its consumers find its
     * route at start rather than a polling interval after the first message created it. Where topics
     * are provisioned by operators this finds it and does nothing; if it cannot create it, the first
     * send does (automatic topic creation).
     */
    @SuppressWarnings("deprecation") // the admin API that replaces createTopic is not on a service's classpath
    public void ensureTopic(String topic, int queues) {
        try {
            MQClientInstance client = clientInstance();
            if (!client.updateTopicRouteInfoFromNameServer(topic)) {
                producer.createTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, topic, queues, Map.of());
                log.info("created topic {}", topic);
            }
        } catch (Exception e) {
            log.warn("cannot create topic {} up front ({}); the first message creates it", topic, e.toString());
        }
    }

    @Override
    void open() throws MQClientException {
        ProcessClient.join(producer).start();
    }

    @Override
    void close() {
        producer.shutdown();
    }

    @Override
    MQClientInstance clientInstance() {
        return producer.getDefaultMQProducerImpl().getMqClientFactory();
    }
}
