package io.paysuite.pay.infra.check;

import io.paysuite.pay.config.PayProperties;
import io.paysuite.pay.pay.PayChecks;
import io.paysuite.pay.pay.PayOrchestrator;
import java.nio.charset.StandardCharsets;
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
 * {@link PayChecks} as RocketMQ timer messages, and their consumer. When the check fires and
 * the pay order is still not final, {@link PayOrchestrator#recover} finishes it; if it cannot yet
 * (the ledger or trade-core is not answering) the message comes back with the broker's backoff
 * (10 s, 30 s, 1 min … 2 h). The consumer group is shared by all pay-core instances, so a check set
 * by an instance that died is handled by another, or by it after its restart.
 */
@Component
public class RocketMqPayChecks implements PayChecks, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RocketMqPayChecks.class);

    private final PayProperties properties;
    private final PayOrchestrator orchestrator;
    private final DefaultMQProducer producer = new DefaultMQProducer("paysuite-pay-check-timer");
    private final DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("paysuite-pay-check");
    private volatile boolean running;

    public RocketMqPayChecks(PayProperties properties, @Lazy PayOrchestrator orchestrator) throws MQClientException {
        this.properties = properties;
        this.orchestrator = orchestrator;
        producer.setNamesrvAddr(properties.namesrv());
        producer.setVipChannelEnabled(false);
        consumer.setNamesrvAddr(properties.namesrv());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPollNameServerInterval(10_000);
        consumer.subscribe(properties.checkTopic(), "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> handle(messages));
    }

    @Override
    public void schedule(String payOrderNo) {
        Message check = new Message(properties.checkTopic(), "CHECK", payOrderNo, payOrderNo.getBytes(StandardCharsets.UTF_8));
        check.setDeliverTimeMs(System.currentTimeMillis() + properties.checkDelay().toMillis());
        try {
            if (producer.send(check).getSendStatus() != SendStatus.SEND_OK) {
                throw new IllegalStateException("broker did not store the check of " + payOrderNo);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot set the check of " + payOrderNo, e);
        }
    }

    private ConsumeConcurrentlyStatus handle(List<MessageExt> messages) {
        for (MessageExt message : messages) {
            String payOrderNo = new String(message.getBody(), StandardCharsets.UTF_8);
            try {
                if (!orchestrator.recover(payOrderNo)) {
                    log.info("pay order {} not final yet at check {}; retrying later", payOrderNo, message.getReconsumeTimes());
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            } catch (RuntimeException e) {
                log.warn("check of pay order {} failed, will be retried: {}", payOrderNo, e.toString());
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
            throw new IllegalStateException("cannot start pay checks", e);
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
