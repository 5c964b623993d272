package io.paysuite.kit.mq;

import java.time.Duration;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a follow-up out of RocketMQ's dead-letter queue. The broker redelivers a message whose outcome
 * is unknown {@value #BROKER_RETRIES} times (10 s … 2 h, about 4 h 46 m) and then parks it in the
 * dead-letter queue, where nobody looks — a refund still PROCESSING at the channel, or a pay order a
 * channel answers days late, would stay unfinished for good. So at the last-but-one retry (the last
 * stays as the fallback should the broker not store the copy) the same message is sent again as a
 * timer {@code every} later, carrying the time of the first try, and so on until it is done. Past
 * {@code overdueAfter} every late try raises an alarm; reconciliation has the last word.
 *
 * <p>A late copy never restarts the broker's backoff: it is tried once per {@code every}.
 */
public class LateFollowUps {

    /** RocketMQ's default for concurrent consumers; set explicitly on the consumer because this depends on it. */
    public static final int BROKER_RETRIES = 16;
    /** The tag a copy was first sent with, when the copy has a tag of its own. */
    public static final String ORIGINAL_TAG = "PAYSUITE_ORIGINAL_TAG";
    private static final Logger log = LoggerFactory.getLogger(LateFollowUps.class);

    /**
     * Where and how often late copies go.
     *
     * @param what               what a message is, for the log ("follow-up", "pay order check")
     * @param topic              the topic of the copies
     * @param copyTag            the copies' own tag, so that only the follow-up consumer takes them (the
     *                           original tag then travels as {@value #ORIGINAL_TAG}); null to keep the
     *                           original tag
     * @param firstTriedProperty the user property carrying the epoch millis of the first try
     * @param firstTryAfterBirth when the first try happened after the original message was born (a
     *                           timer's delay), zero for an event
     * @param every              how long after a failed late try the next one comes
     * @param overdueAfter       past this age every late try raises an alarm
     */
    public record Plan(String what, String topic, String copyTag, String firstTriedProperty, Duration firstTryAfterBirth,
                       Duration every, Duration overdueAfter) {
    }

    private final Plan plan;
    private final MessageSender sender;

    public LateFollowUps(Plan plan, MessageSender sender) {
        this.plan = plan;
        this.sender = sender;
    }

    /** The tag the message was first sent with (a late copy under its own tag carries it as a property). */
    public static String tagOf(MessageExt message) {
        String original = message.getUserProperty(ORIGINAL_TAG);
        return original != null ? original : message.getTags();
    }

    /** Whether the broker's backoff still has a retry for this message before its fallback one; a late copy never restarts it. */
    public boolean brokerRetriesLeft(MessageExt message) {
        return message.getUserProperty(plan.firstTriedProperty()) == null && message.getReconsumeTimes() < BROKER_RETRIES - 1;
    }

    /** Sends the message again, {@code every} from now; false when the broker did not store it. */
    public boolean later(MessageExt message) {
        String carried = message.getUserProperty(plan.firstTriedProperty());
        String firstTriedAt = carried != null ? carried
                : Long.toString(message.getBornTimestamp() + plan.firstTryAfterBirth().toMillis());
        long age = System.currentTimeMillis() - Long.parseLong(firstTriedAt);
        String tag = tagOf(message);
        if (age > plan.overdueAfter().toMillis()) {
            log.error("ALARM: {} {} {} still not done {} h after its first try; tried again every {}, reconciliation decides",
                    plan.what(), tag, message.getKeys(), age / 3_600_000, plan.every());
        } else {
            log.warn("{} {} {} not done after the broker's {} retries; tried again every {}", plan.what(), tag, message.getKeys(),
                    BROKER_RETRIES, plan.every());
        }
        Message copy = new Message(plan.topic(), plan.copyTag() != null ? plan.copyTag() : tag, message.getKeys(), message.getBody());
        if (plan.copyTag() != null) {
            copy.putUserProperty(ORIGINAL_TAG, tag);
        }
        copy.putUserProperty(plan.firstTriedProperty(), firstTriedAt);
        copy.setDeliverTimeMs(System.currentTimeMillis() + plan.every().toMillis());
        try {
            sender.send(copy);
            return true;
        } catch (RuntimeException e) {
            log.warn("late {} {} {} not stored: {}", plan.what(), tag, message.getKeys(), e.toString());
            return false;
        }
    }
}
