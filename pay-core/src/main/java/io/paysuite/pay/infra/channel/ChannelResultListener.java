package io.paysuite.pay.infra.channel;

import io.paysuite.pay.config.PayProperties;
import io.paysuite.pay.order.PayOrchestrator;
import java.nio.charset.StandardCharsets;
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
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * channel-gateway's "this channel order is final" announcements: the pay order is finished now
 * through {@link PayOrchestrator#recover}, which asks the gateway (idempotent) and applies its
 * answer — the message carries only the pay order number, never a result to trust. Without it the
 * pay order's own delayed check would do the same, later.
 */
@Component
public class ChannelResultListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChannelResultListener.class);

    private final PayOrchestrator orchestrator;
    private final DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("paysuite-pay-channel-result");
    private volatile boolean running;

    public ChannelResultListener(PayProperties properties, @Lazy PayOrchestrator orchestrator) throws MQClientException {
        this.orchestrator = orchestrator;
        consumer.setNamesrvAddr(properties.namesrv());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPollNameServerInterval(5_000);
        consumer.subscribe(properties.channelResultTopic(), "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> handle(messages));
    }

    private ConsumeConcurrentlyStatus handle(List<MessageExt> messages) {
        for (MessageExt message : messages) {
            String payOrderNo = new String(message.getBody(), StandardCharsets.UTF_8);
            try {
                if (!orchestrator.recover(payOrderNo)) {
                    log.info("pay order {} not final after its channel result; retrying", payOrderNo);
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            } catch (RuntimeException e) {
                log.warn("channel result of pay order {} not applied, will be retried: {}", payOrderNo, e.toString());
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    @Override
    public void start() {
        try {
            consumer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the channel result listener", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        consumer.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
