package io.paysuite.channel.infra;

import io.paysuite.channel.config.ChannelProperties;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelResults;
import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Announces finished channel orders on {@code PAYSUITE_CHANNEL_EVENT} (tag {@code CHANNEL_ORDER_FINAL},
 * key and body the pay order number). A plain message, not a transactional one: the channel
 * order is already committed when it is sent, and a lost announcement only delays the pay order
 * until its next delayed check asks {@code ChannelService.charge} again.
 */
@Component
public class RocketMqChannelResults implements ChannelResults, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RocketMqChannelResults.class);

    private final ChannelProperties properties;
    private final DefaultMQProducer producer = new DefaultMQProducer("paysuite-channel-result");
    private volatile boolean running;

    public RocketMqChannelResults(ChannelProperties properties) {
        this.properties = properties;
        producer.setNamesrvAddr(properties.namesrv());
        producer.setVipChannelEnabled(false);
        producer.setSendMsgTimeout(3000);
    }

    @Override
    public void finished(ChannelOrder order) {
        Message message = new Message(properties.resultTopic(), "CHANNEL_ORDER_FINAL", order.payOrderNo(),
                order.payOrderNo().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(message);
        } catch (Exception lost) {
            log.warn("announcement of channel order {} ({}) lost; pay order {} is finished by its next check: {}",
                    order.channelOrderNo(), order.status(), order.payOrderNo(), lost.toString());
        }
    }

    @Override
    public void start() {
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the channel result producer", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        producer.shutdown();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
