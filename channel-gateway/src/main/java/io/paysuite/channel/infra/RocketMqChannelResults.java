package io.paysuite.channel.infra;

import io.paysuite.api.event.ChannelOrderFinal;
import io.paysuite.api.event.EventType;
import io.paysuite.channel.config.ChannelProperties;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelResults;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.MessageProducer;
import io.paysuite.kit.mq.RocketMqAdapter;
import java.time.Duration;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Announces finished channel orders ({@code CHANNEL_ORDER_FINAL} on {@code paysuite.channel.result-topic},
 * key and body the pay order number). A plain message, not a transactional one: the channel order is
 * already committed when it is sent, and a lost announcement only delays the pay order until its next
 * delayed check asks {@code ChannelService.charge} again. Only results found outside a charge call come here
 * ({@code ChannelSettlement.Audience}): a charge's own answer is settled by its caller.
 */
@Component
public class RocketMqChannelResults extends RocketMqAdapter implements ChannelResults {

    private static final Logger log = LoggerFactory.getLogger(RocketMqChannelResults.class);

    private final ChannelProperties properties;
    private final MessageProducer producer;

    public RocketMqChannelResults(ChannelProperties properties) {
        super(SmartLifecycle.DEFAULT_PHASE);
        this.properties = properties;
        this.producer = runs(new MessageProducer("paysuite-channel-result", properties.namesrv(), Duration.ofSeconds(3)));
    }

    @Override
    public void finished(ChannelOrder order) {
        Message message = EventCodec.message(properties.resultTopic(), EventType.CHANNEL_ORDER_FINAL,
                new ChannelOrderFinal(order.payOrderNo()));
        message.setKeys(order.payOrderNo());
        try {
            producer.sendForStatus(message);
        } catch (RuntimeException lost) {
            log.warn("announcement of channel order {} ({}) lost; pay order {} is finished by its next check: {}",
                    order.channelOrderNo(), order.status(), order.payOrderNo(), lost.toString());
        }
    }

}
