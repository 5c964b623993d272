package io.paysuite.cashier.infra.notify;

import io.paysuite.api.event.EventType;
import io.paysuite.api.event.NotifyAttemptDue;
import io.paysuite.cashier.notify.NotifyProperties;
import io.paysuite.cashier.notify.NotifyTimers;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.MessageProducer;
import io.paysuite.kit.mq.RocketMqAdapter;
import java.time.Duration;
import java.time.Instant;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link NotifyTimers} as the kit's durable timers ({@code NOTIFY_ATTEMPT}) on the cashier-owned retry
 * topic, body {@code {"event_id", "attempt"}}.
 */
@Component
public class RocketMqNotifyTimers extends RocketMqAdapter implements NotifyTimers {

    /** Queues of the retry topic when this service creates it: as many as the broker's automatic default. */
    private static final int QUEUES = 4;
    /** Started before and stopped after the dispatcher and the consumers, which arm timers. */
    private static final int PHASE = Integer.MAX_VALUE - 300;
    private static final Logger log = LoggerFactory.getLogger(RocketMqNotifyTimers.class);

    private final NotifyProperties properties;
    private final MessageProducer producer;

    public RocketMqNotifyTimers(NotifyProperties properties) {
        super(PHASE);
        this.properties = properties;
        this.producer = runs(new MessageProducer("paysuite-cashier-notify-timer", properties.namesrv(), Duration.ofSeconds(3)));
    }

    @Override
    public void arm(String eventId, int attempt, Instant at) {
        try {
            Message timer = EventCodec.message(properties.retryTopic(), EventType.NOTIFY_ATTEMPT, new NotifyAttemptDue(eventId, attempt));
            timer.setKeys(eventId);
            SendStatus status = producer.sendForStatus(MessageProducer.timer(timer, at));
            if (status != SendStatus.SEND_OK) {
                log.warn("retry timer of notification {} attempt {} stored as {}", eventId, attempt, status);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot arm the retry timer of notification " + eventId + " attempt " + attempt, e);
        }
    }

    /**
     * Also creates the retry topic if the name server does not know it yet, so that the retry consumer
     * finds its route at start rather than up to a polling interval after the first timer created it.
     */
    @Override
    public void start() {
        super.start();
        producer.ensureTopic(properties.retryTopic(), QUEUES);
        log.info("notification timers on {} via {}", properties.retryTopic(), properties.namesrv());
    }
}
