package io.paysuite.channel.infra.payout;

import io.paysuite.api.event.ChannelFollowUpDue;
import io.paysuite.api.event.EventType;
import io.paysuite.channel.config.ChannelProperties;
import io.paysuite.channel.payout.PayoutFollowUps;
import io.paysuite.channel.payout.PayoutProperties;
import io.paysuite.channel.payout.Payouts;
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
 * {@link PayoutFollowUps} as the kit's durable timers and their consumer, on the payouts' own topic
 * ({@code paysuite.channel.payout.follow-up-topic}) so that the channel orders' follow-up consumer
 * never sees a payout number. The message is the channel follow-up timer's ({@code CHANNEL_FOLLOW_UP}:
 * a number and an attempt), carrying the payout number. The consumer group is shared by all gateway
 * instances, so a follow-up set by an instance that died is run by another; one that throws comes
 * back with the broker's backoff.
 */
@Component
public class RocketMqPayoutFollowUps extends RocketMqAdapter implements PayoutFollowUps {

    private final PayoutProperties properties;
    private final Payouts payouts;
    private final MessageProducer producer;

    public RocketMqPayoutFollowUps(ChannelProperties channel, PayoutProperties properties, @Lazy Payouts payouts) {
        super(SmartLifecycle.DEFAULT_PHASE);
        this.properties = properties;
        this.payouts = payouts;
        producer = runs(new MessageProducer("paysuite-payout-followup-timer", channel.namesrv(), Duration.ofSeconds(3)));
        runs(new EventConsumer(Subscription.of("paysuite-payout-followup", channel.namesrv(), properties.followUpTopic(), "*", 5_000),
                this::followUp));
    }

    @Override
    public void schedule(String payoutNo, int attempt, Duration delay) {
        Message message = EventCodec.message(properties.followUpTopic(), EventType.CHANNEL_FOLLOW_UP,
                new ChannelFollowUpDue(payoutNo, attempt));
        message.setKeys(payoutNo);
        try {
            producer.sendAt(message, Instant.now().plus(delay));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot schedule follow-up " + attempt + " of payout " + payoutNo, e);
        }
    }

    private Handled followUp(MessageExt message) {
        ChannelFollowUpDue due = EventCodec.decode(EventType.CHANNEL_FOLLOW_UP, message);
        payouts.followUp(due.channelOrderNo(), due.attempt() == null ? 1 : due.attempt());
        return Handled.DONE;
    }
}
