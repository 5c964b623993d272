package io.paysuite.cashier.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The retry schedule lives in the broker, not in this process: the next attempt of a failed
 * notification is a RocketMQ timer message ({@code deliverTimeMs}) on the cashier-owned retry
 * topic, body {@code {"event_id", "attempt"}}. It survives a restart or a crash of every
 * cashier-service instance and is taken by whichever instance is up when it fires. A timer may
 * come twice or early (the timer wheel ticks once a second); the claim in the database and the
 * due time kept there make that harmless.
 */
@Component
public class NotifyTimers implements SmartLifecycle {

    /** The tag of a retry timer. */
    static final String TAG = "ATTEMPT";
    /** Queues of the retry topic when this service creates it: as many as the broker's automatic default. */
    private static final int QUEUES = 4;
    private static final Logger log = LoggerFactory.getLogger(NotifyTimers.class);

    private final NotifyProperties properties;
    private final ObjectMapper json;
    private final DefaultMQProducer producer;
    private volatile boolean running;

    public NotifyTimers(NotifyProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.producer = new DefaultMQProducer("paysuite-cashier-notify-timer");
        producer.setNamesrvAddr(properties.namesrv());
        producer.setVipChannelEnabled(false);
        producer.setSendMsgTimeout(3000);
    }

    /** Arms attempt {@code attempt} of the notification to fire at {@code at}; throws if the broker did not take it. */
    public void arm(String eventId, int attempt, Instant at) {
        try {
            Message timer = new Message(properties.retryTopic(), TAG, eventId,
                    json.writeValueAsBytes(Map.of("event_id", eventId, "attempt", attempt)));
            if (at.toEpochMilli() > System.currentTimeMillis()) {
                timer.setDeliverTimeMs(at.toEpochMilli());
            }
            SendStatus status = producer.send(timer).getSendStatus();
            if (status != SendStatus.SEND_OK) {
                log.warn("retry timer of notification {} attempt {} stored as {}", eventId, attempt, status);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot arm the retry timer of notification " + eventId + " attempt " + attempt, e);
        }
    }

    @Override
    public void start() {
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the notification timer producer", e);
        }
        ensureRetryTopic();
        running = true;
        log.info("notification timers on {} via {}", properties.retryTopic(), properties.namesrv());
    }

    /**
     * Creates the retry topic if the name server does not know it yet, so that the retry consumer
     * finds its route at start rather than up to a polling interval after the first timer created
     * it. Where topics are provisioned by operators (production) this finds it and does nothing;
     * if it cannot create it, the first send does (automatic topic creation) and only that first
     * timer may be late.
     */
    private void ensureRetryTopic() {
        try {
            MQClientInstance client = producer.getDefaultMQProducerImpl().getMqClientFactory();
            if (!client.updateTopicRouteInfoFromNameServer(properties.retryTopic())) {
                producer.createTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, properties.retryTopic(), QUEUES, Map.of());
                log.info("created retry topic {}", properties.retryTopic());
            }
        } catch (Exception e) {
            log.warn("cannot create retry topic {} up front ({}); the first timer creates it", properties.retryTopic(), e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        producer.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before and stopped after the dispatcher and the consumers, which arm timers. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 300;
    }
}
