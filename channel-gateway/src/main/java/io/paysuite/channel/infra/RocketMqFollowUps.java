package io.paysuite.channel.infra;

import io.paysuite.api.event.ChannelFollowUpDue;
import io.paysuite.api.event.EventType;
import io.paysuite.channel.config.ChannelProperties;
import io.paysuite.channel.charge.ChannelCharges;
import io.paysuite.channel.order.FollowUps;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.Handled;
import io.paysuite.kit.mq.MessageProducer;
import io.paysuite.kit.mq.RocketMqAdapter;
import io.paysuite.kit.mq.Subscription;
import java.time.Duration;
import java.time.Instant;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@link FollowUps} as the kit's durable timers ({@code CHANNEL_FOLLOW_UP}) and their consumer. The
 * consumer group is shared by all gateway instances, so a follow-up set by an instance that died is
 * run by another. A follow-up that throws comes back with the broker's backoff.
 */
@Component
public class RocketMqFollowUps extends RocketMqAdapter implements FollowUps {

    private final ChannelProperties properties;
    private final ChannelCharges orders;
    private final MessageProducer producer;
    private final EventConsumer consumer;

    public RocketMqFollowUps(ChannelProperties properties, @Lazy ChannelCharges orders) {
        super(SmartLifecycle.DEFAULT_PHASE);
        this.properties = properties;
        this.orders = orders;
        producer = runs(new MessageProducer("paysuite-channel-followup-timer", properties.namesrv(), Duration.ofSeconds(3)));
        consumer = runs(new EventConsumer(Subscription.of("paysuite-channel-followup", properties.namesrv(),
                properties.followUpTopic(), "*", 5_000), this::followUp));
    }

    @Override
    public void schedule(String channelOrderNo, int attempt, Duration delay) {
        Message message = EventCodec.message(properties.followUpTopic(), EventType.CHANNEL_FOLLOW_UP,
                new ChannelFollowUpDue(channelOrderNo, attempt));
        message.setKeys(channelOrderNo);
        try {
            producer.sendAt(message, Instant.now().plus(delay));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot schedule follow-up " + attempt + " of " + channelOrderNo, e);
        }
    }

    private Handled followUp(MessageExt message) {
        ChannelFollowUpDue due = EventCodec.decode(EventType.CHANNEL_FOLLOW_UP, message);
        orders.followUp(due.channelOrderNo(), due.attempt() == null ? 1 : due.attempt());
        return Handled.DONE;
    }

}
