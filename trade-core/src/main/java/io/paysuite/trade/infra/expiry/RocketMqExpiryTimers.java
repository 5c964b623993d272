package io.paysuite.trade.infra.expiry;

import io.paysuite.api.event.EventType;
import io.paysuite.api.event.TradeExpiryDue;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.MessageProducer;
import io.paysuite.kit.mq.RocketMqAdapter;
import io.paysuite.trade.expiry.ExpiryTimers;
import io.paysuite.trade.expiry.GuaranteeTimers;
import java.time.Clock;
import java.time.Instant;
import org.apache.rocketmq.common.message.Message;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * {@link ExpiryTimers} and {@link GuaranteeTimers} as RocketMQ timer messages on {@code paysuite.expiry.topic},
 * key and body the trade number; an auto-confirm timer carries {@value #PURPOSE} = {@value #AUTO_CONFIRM}. A
 * timer fires at its time or at the hop limit, whichever comes first: the broker's {@code timerMaxDelaySec}
 * defaults to 3 days, trades may wait 15 and guarantee trades 10 days after payment.
 */
@Component
public class RocketMqExpiryTimers extends RocketMqAdapter implements ExpiryTimers, GuaranteeTimers {

    /** User property naming what a timer is for; absent on expiry timers (and on those set before it existed). */
    static final String PURPOSE = "PAYSUITE_TIMER_PURPOSE";
    static final String AUTO_CONFIRM = "AUTO_CONFIRM";

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
        send(tradeNo, expireAt, null);
    }

    @Override
    public void setAutoConfirm(String tradeNo, Instant confirmAt) {
        send(tradeNo, confirmAt, AUTO_CONFIRM);
    }

    static boolean autoConfirm(Message timer) {
        return AUTO_CONFIRM.equals(timer.getUserProperty(PURPOSE));
    }

    private void send(String tradeNo, Instant at, String purpose) {
        Instant hopLimit = clock.instant().plus(properties.maxDelay());
        Instant fireAt = at.isAfter(hopLimit) ? hopLimit : at;
        Message timer = EventCodec.message(properties.topic(), EventType.TRADE_EXPIRY, new TradeExpiryDue(tradeNo));
        timer.setKeys(tradeNo);
        if (purpose != null) {
            timer.putUserProperty(PURPOSE, purpose);
        }
        timer.setDeliverTimeMs(fireAt.toEpochMilli());
        try {
            producer.sendForStatus(timer);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot set the " + (purpose == null ? "expiry" : purpose) + " timer of trade " + tradeNo, e);
        }
    }

}
