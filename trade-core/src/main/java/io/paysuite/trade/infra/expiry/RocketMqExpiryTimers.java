package io.paysuite.trade.infra.expiry;

import io.paysuite.api.event.EventType;
import io.paysuite.api.event.TradeExpiryDue;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.MessageProducer;
import io.paysuite.kit.mq.RocketMqAdapter;
import io.paysuite.trade.expiry.ExpiryTimers;
import java.time.Clock;
import java.time.Instant;
import org.apache.rocketmq.common.message.Message;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * {@link ExpiryTimers} as RocketMQ timer messages on {@code paysuite.expiry.topic}, key and body the
 * trade number. A timer fires at the expiry or at the hop limit, whichever comes first: the broker's
 * {@code timerMaxDelaySec} defaults to 3 days, trades may wait 15.
 */
@Component
public class RocketMqExpiryTimers extends RocketMqAdapter implements ExpiryTimers {

    private final ExpiryProperties properties;
    private final Clock clock;
    private final MessageProducer producer;

    public RocketMqExpiryTimers(ExpiryProperties properties, Clock clock) {
        super(SmartLifecycle.DEFAULT_PHASE);
        this.properties = properties;
        this.clock = clock;
        this.producer = runs(new MessageProducer("paysuite-trade-expiry-timer", properties.namesrv(), null));
    }

    @Override
    public void set(String tradeNo, Instant expireAt) {
        Instant hopLimit = clock.instant().plus(properties.maxDelay());
        Instant fireAt = expireAt.isAfter(hopLimit) ? hopLimit : expireAt;
        Message timer = EventCodec.message(properties.topic(), EventType.TRADE_EXPIRY, new TradeExpiryDue(tradeNo));
        timer.setKeys(tradeNo);
        timer.setDeliverTimeMs(fireAt.toEpochMilli());
        try {
            producer.sendForStatus(timer);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot set the expiry timer of trade " + tradeNo, e);
        }
    }

}
