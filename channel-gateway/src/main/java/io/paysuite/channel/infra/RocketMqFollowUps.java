package io.paysuite.channel.infra;

import io.paysuite.channel.config.ChannelProperties;
import io.paysuite.channel.charge.ChannelCharges;
import io.paysuite.channel.order.FollowUps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@link FollowUps} as RocketMQ timer messages ({@code setDeliverTimeMs}) and their consumer. The
 * consumer group is shared by all gateway instances, so a follow-up set by an instance that died is
 * run by another. A follow-up that throws comes back with the broker's backoff.
 */
@Component
public class RocketMqFollowUps implements FollowUps, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RocketMqFollowUps.class);
    private static final String ATTEMPT = "attempt";

    private final ChannelProperties properties;
    private final ChannelCharges orders;
    private final DefaultMQProducer producer = new DefaultMQProducer("paysuite-channel-followup-timer");
    private final DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("paysuite-channel-followup");
    private volatile boolean running;

    public RocketMqFollowUps(ChannelProperties properties, @Lazy ChannelCharges orders) throws MQClientException {
        this.properties = properties;
        this.orders = orders;
        producer.setNamesrvAddr(properties.namesrv());
        producer.setVipChannelEnabled(false);
        producer.setSendMsgTimeout(3000);
        consumer.setNamesrvAddr(properties.namesrv());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPollNameServerInterval(5_000);
        consumer.subscribe(properties.followUpTopic(), "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> handle(messages));
    }

    @Override
    public void schedule(String channelOrderNo, int attempt, Duration delay) {
        Message message = new Message(properties.followUpTopic(), "FOLLOW_UP", channelOrderNo,
                channelOrderNo.getBytes(StandardCharsets.UTF_8));
        message.putUserProperty(ATTEMPT, String.valueOf(attempt));
        message.setDeliverTimeMs(System.currentTimeMillis() + delay.toMillis());
        try {
            if (producer.send(message).getSendStatus() != SendStatus.SEND_OK) {
                throw new IllegalStateException("broker did not store follow-up " + attempt + " of " + channelOrderNo);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot schedule follow-up " + attempt + " of " + channelOrderNo, e);
        }
    }

    private ConsumeConcurrentlyStatus handle(List<MessageExt> messages) {
        for (MessageExt message : messages) {
            String channelOrderNo = new String(message.getBody(), StandardCharsets.UTF_8);
            int attempt = Integer.parseInt(message.getUserProperty(ATTEMPT) == null ? "1" : message.getUserProperty(ATTEMPT));
            try {
                orders.followUp(channelOrderNo, attempt);
            } catch (RuntimeException e) {
                log.warn("follow-up {} of {} failed, retried by the broker: {}", attempt, channelOrderNo, e.toString());
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    @Override
    public void start() {
        try {
            producer.start();
            consumer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start channel follow-ups", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        consumer.shutdown();
        producer.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
