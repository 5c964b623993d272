package io.paysuite.trade.expiry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sets a RocketMQ timer message that fires at a trade's expiry (or at the longest allowed hop
 * before it). The broker keeps the timer, so nothing scans the trade tables for expired rows.
 */
@Component
public class TradeExpiryTimer implements SmartLifecycle {

    private final ExpiryProperties properties;
    private final Clock clock;
    private final DefaultMQProducer producer;
    private volatile boolean running;

    public TradeExpiryTimer(ExpiryProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.producer = new DefaultMQProducer("paysuite-trade-expiry-timer");
        producer.setNamesrvAddr(properties.namesrv());
        producer.setVipChannelEnabled(false);
    }

    /** Fires at {@code expireAt}, or at the hop limit, whichever comes first. Throws if the broker refused it. */
    public void set(String tradeNo, Instant expireAt) {
        Instant hopLimit = clock.instant().plus(properties.maxDelay());
        Instant fireAt = expireAt.isAfter(hopLimit) ? hopLimit : expireAt;
        Message timer = new Message(properties.topic(), "EXPIRE", tradeNo, tradeNo.getBytes(StandardCharsets.UTF_8));
        timer.setDeliverTimeMs(fireAt.toEpochMilli());
        try {
            producer.send(timer);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set the expiry timer of trade " + tradeNo, e);
        }
    }

    @Override
    public void start() {
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the expiry timer producer", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        producer.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
