package io.paysuite.it.event;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.topic.TopicValidator;

/**
 * Everything delivered on the trade event topic (or another event topic, {@link #start(String, String)}) since the
 * topic began, as a consumer of its own group sees it. Deliveries are at least once, so a message may be recorded
 * more than once.
 */
public final class TradeEventTap implements AutoCloseable {

    static final String TOPIC = "PAYSUITE_TRADE_EVENT";
    private static final int QUEUES = 4;

    private final DefaultMQPushConsumer consumer;
    private final List<MessageExt> delivered = new CopyOnWriteArrayList<>();

    private TradeEventTap(DefaultMQPushConsumer consumer) {
        this.consumer = consumer;
    }

    static TradeEventTap start(String namesrv) throws MQClientException {
        return start(namesrv, TOPIC);
    }

    /** A tap on another event topic, e.g. channel-gateway's {@code PAYSUITE_CHANNEL_EVENT}. */
    public static TradeEventTap start(String namesrv, String topic) throws MQClientException {
        ensureTopic(namesrv, topic);
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("paysuite-it-trade-event-tap-" + System.nanoTime());
        consumer.setNamesrvAddr(namesrv);
        consumer.setVipChannelEnabled(false);
        consumer.setPollNameServerInterval(1000);
        // a new group starts at the first offset: nothing published before the tap started is missed
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        TradeEventTap tap = new TradeEventTap(consumer);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            tap.delivered.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return tap;
    }

    /**
     * The broker would create the topic on the first send (autoCreateTopicEnable, verified for
     * transactional sends too), but a consumer that subscribed before that finds it only at its next
     * route refresh and rebalance, up to 20 s later. Creating it first (same settings as an
     * auto-created one) makes delivery times in these tests independent of which test ran first.
     * (The client marks createTopic deprecated in favour of rocketmq-tools' admin API, which is not on
     * this module's classpath; it is what that API does for one broker.)
     */
    @SuppressWarnings("deprecation")
    private static void ensureTopic(String namesrv, String topic) throws MQClientException {
        DefaultMQProducer admin = new DefaultMQProducer("paysuite-it-topic-admin");
        admin.setNamesrvAddr(namesrv);
        admin.setVipChannelEnabled(false);
        admin.start();
        try {
            admin.fetchPublishMessageQueues(topic);
        } catch (MQClientException absent) {
            admin.createTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, topic, QUEUES, Map.of());
        } finally {
            admin.shutdown();
        }
    }

    /** Every delivery whose keys include this trade number. */
    List<MessageExt> ofTrade(String tradeNo) {
        return withKey(tradeNo);
    }

    /** Every delivery whose keys include {@code key} (a trade number, a pay order number). */
    public List<MessageExt> withKey(String key) {
        return delivered.stream().filter(m -> keys(m).contains(key)).toList();
    }

    /** The distinct event ids delivered for this trade. */
    Set<String> eventIdsOfTrade(String tradeNo) {
        return ofTrade(tradeNo).stream().map(m -> m.getUserProperty("eventId")).collect(Collectors.toSet());
    }

    private static Set<String> keys(MessageExt message) {
        String keys = message.getKeys();
        return keys == null ? Set.of() : Set.of(keys.split(" "));
    }

    @Override
    public void close() {
        consumer.shutdown();
    }
}
