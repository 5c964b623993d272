package io.paysuite.trade.expiry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.error.BizException;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.trade.infra.event.TradeEventsProperties;
import io.paysuite.trade.order.TradeCloser;
import io.paysuite.trade.order.TradeFinder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.stereotype.Component;

/**
 * Two consumers make expiry reliable without scanning tables:
 * <ol>
 *   <li>on {@code TRADE_CREATED} (a transactional event, so never lost) it sets the trade's timer;</li>
 *   <li>when a timer fires it closes the trade if it still waits for payment, or sets the next hop
 *       if the expiry is still ahead (long expiries, or a timer that fired early).</li>
 * </ol>
 * Both are idempotent: closing a closed trade answers it again, a trade being paid or paid is left
 * alone (the payment decides), and a repeated timer finds nothing to do.
 */
@Component
public class TradeExpiryListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TradeExpiryListener.class);

    private final TradeExpiryTimer timer;
    private final TradeCloser closer;
    private final TradeFinder finder;
    private final ObjectMapper json;
    private final Clock clock;
    private final DefaultMQPushConsumer onCreated = new DefaultMQPushConsumer("paysuite-trade-expiry-scheduler");
    private final DefaultMQPushConsumer onTimer = new DefaultMQPushConsumer("paysuite-trade-expiry");
    private volatile boolean running;

    public TradeExpiryListener(TradeExpiryTimer timer, TradeCloser closer, TradeFinder finder, ObjectMapper json,
                               Clock clock, ExpiryProperties expiry, TradeEventsProperties events) throws MQClientException {
        this.timer = timer;
        this.closer = closer;
        this.finder = finder;
        this.json = json;
        this.clock = clock;
        for (DefaultMQPushConsumer consumer : List.of(onCreated, onTimer)) {
            consumer.setNamesrvAddr(expiry.namesrv());
            // a new group starts at the oldest retained message: a timer set twice is harmless, a missed one is not
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.setPollNameServerInterval(10_000); // find a topic created after start within seconds
        }
        onCreated.subscribe(events.topic(), "TRADE_CREATED");
        onCreated.registerMessageListener((MessageListenerConcurrently) (messages, context) -> each(messages, this::scheduleFor));
        onTimer.subscribe(expiry.topic(), "*");
        onTimer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> each(messages, this::expire));
    }

    private void scheduleFor(MessageExt created) throws Exception {
        JsonNode trade = json.readTree(created.getBody());
        timer.set(trade.get("trade_no").asText(), Instant.parse(trade.get("time_expire").asText()));
    }

    private void expire(MessageExt fired) {
        String tradeNo = new String(fired.getBody(), StandardCharsets.UTF_8);
        TradeDTO trade = finder.get(TradeByNoQry.internal(tradeNo));
        if (trade.status() != TradeStatus.WAIT_PAY) {
            return;
        }
        if (trade.timeExpire().isAfter(clock.instant())) {
            timer.set(tradeNo, trade.timeExpire()); // an intermediate hop
            return;
        }
        try {
            closer.close(new CloseTradeCmd(tradeNo, null));
            log.info("trade expired and closed trade_no={}", tradeNo);
        } catch (BizException movedOn) {
            log.info("trade {} not closed at expiry: {}", tradeNo, movedOn.code()); // being paid or paid
        }
    }

    private interface Handler {
        void handle(MessageExt message) throws Exception;
    }

    private static ConsumeConcurrentlyStatus each(List<MessageExt> messages, Handler handler) {
        for (MessageExt message : messages) {
            try {
                handler.handle(message);
            } catch (Exception e) {
                log.warn("expiry message {} failed, will be retried: {}", message.getKeys(), e.toString());
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    @Override
    public void start() {
        try {
            onCreated.start();
            onTimer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the trade expiry consumers", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        onCreated.shutdown();
        onTimer.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
