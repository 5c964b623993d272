package io.paysuite.trade.infra.listen;

import io.paysuite.trade.infra.event.TradeEventsProperties;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps trade-core's follow-ups out of RocketMQ's dead-letter queue. The broker redelivers a follow-up
 * whose outcome is unknown {@value #BROKER_RETRIES} times (10 s … 2 h, about 4 h 46 m) and then parks it
 * in the dead-letter queue, where nobody looks — a refund still PROCESSING at the channel would stay
 * PROCESSING here for good. So at the last-but-one retry (the last stays as the fallback should the
 * broker not store the copy) the same follow-up is sent again as a timer message {@code late-every}
 * later: tag {@value #TAG}, the original tag and the time of the first try carried as properties, and so
 * on until it is done. Past {@code overdue-after} every late try raises an alarm.
 *
 * <p>The copy goes to the trade event topic under its own tag, which only trade-core's follow-up
 * consumer subscribes to: the merchant notifications (cashier) never see it twice.
 */
@Component
public class LateFollowUps implements SmartLifecycle {

    /** RocketMQ's default for concurrent consumers; set explicitly on the consumer because this depends on it. */
    public static final int BROKER_RETRIES = 16;
    public static final String TAG = "FOLLOW_UP_LATE";
    static final String ORIGINAL_TAG = "PAYSUITE_ORIGINAL_TAG";
    static final String FIRST_TRIED_AT = "PAYSUITE_FIRST_TRIED_AT";
    private static final Logger log = LoggerFactory.getLogger(LateFollowUps.class);

    private final FollowUpProperties properties;
    private final String topic;
    private final DefaultMQProducer producer = new DefaultMQProducer("paysuite-trade-late-followups");
    private volatile boolean running;

    public LateFollowUps(FollowUpProperties properties, TradeEventsProperties events) {
        this.properties = properties;
        this.topic = events.topic();
        producer.setNamesrvAddr(events.namesrv());
        producer.setVipChannelEnabled(false);
    }

    /** The tag the follow-up was first sent with (a late copy carries it as a property). */
    public static String tagOf(MessageExt message) {
        String original = message.getUserProperty(ORIGINAL_TAG);
        return original != null ? original : message.getTags();
    }

    /** Whether the broker's backoff still has a retry for this message before its fallback one; a late copy never restarts it. */
    public boolean brokerRetriesLeft(MessageExt message) {
        return message.getUserProperty(FIRST_TRIED_AT) == null && message.getReconsumeTimes() < BROKER_RETRIES - 1;
    }

    /** Sends the follow-up again, {@code late-every} from now; false when the broker did not store it. */
    public boolean later(MessageExt message) {
        String carried = message.getUserProperty(FIRST_TRIED_AT);
        String firstTriedAt = carried != null ? carried : Long.toString(message.getBornTimestamp());
        long age = System.currentTimeMillis() - Long.parseLong(firstTriedAt);
        String tag = tagOf(message);
        if (age > properties.overdueAfter().toMillis()) {
            log.error("ALARM: follow-up {} {} still not done {} h after its first try; tried again every {}, reconciliation decides",
                    tag, message.getKeys(), age / 3_600_000, properties.lateEvery());
        } else {
            log.warn("follow-up {} {} not done after the broker's {} retries; tried again every {}", tag, message.getKeys(),
                    BROKER_RETRIES, properties.lateEvery());
        }
        Message copy = new Message(topic, TAG, message.getKeys(), message.getBody());
        copy.putUserProperty(ORIGINAL_TAG, tag);
        copy.putUserProperty(FIRST_TRIED_AT, firstTriedAt);
        copy.setDeliverTimeMs(System.currentTimeMillis() + properties.lateEvery().toMillis());
        try {
            send(copy);
            return true;
        } catch (RuntimeException e) {
            log.warn("late follow-up {} {} not stored: {}", tag, message.getKeys(), e.toString());
            return false;
        }
    }

    /** Stores the copy at the broker; throws when it may not be stored. */
    void send(Message copy) {
        try {
            if (producer.send(copy).getSendStatus() != SendStatus.SEND_OK) {
                throw new IllegalStateException("broker did not store the late follow-up " + copy.getKeys());
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot send the late follow-up " + copy.getKeys(), e);
        }
    }

    @Override
    public void start() {
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the late follow-up producer", e);
        }
        running = true;
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
}
