package io.paysuite.pay.infra.check;

import io.paysuite.pay.config.PayProperties;
import io.paysuite.pay.order.PayChecks;
import io.paysuite.pay.order.PayOrchestrator;
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
 *
 * <p>The broker gives up after {@value #BROKER_RETRIES} retries (about 4 h 46 m) and would move the check
 * to the dead-letter queue, where nobody looks. A pay order is never left there: at the last-but-one retry
 * (about 2 h 46 m; the last one stays as the fallback should the broker not store the new check) a new
 * check is set {@code late-check-every} later, carrying when the first check fired, and so on until the
 * order is final — an unscanned QR order with a long expiry, a channel that answers days late. Past
 * {@code overdue-after} every late check raises an alarm; reconciliation has the last word.
 */
@Component
public class RocketMqPayChecks implements PayChecks, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RocketMqPayChecks.class);

    private final PayProperties properties;
    private final PayOrchestrator orchestrator;
    private final DefaultMQProducer producer = new DefaultMQProducer("paysuite-pay-check-timer");
    private final DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("paysuite-pay-check");
    /** RocketMQ's default for concurrent consumers, set explicitly because the late checks depend on it. */
    static final int BROKER_RETRIES = 16;
    /** Epoch millis of the pay order's first check, carried by late checks. */
    static final String FIRST_CHECK_AT = "PAYSUITE_FIRST_CHECK_AT";
    private volatile boolean running;

    public RocketMqPayChecks(PayProperties properties, @Lazy PayOrchestrator orchestrator) throws MQClientException {
        this.properties = properties;
        this.orchestrator = orchestrator;
        producer.setNamesrvAddr(properties.namesrv());
        producer.setVipChannelEnabled(false);
        consumer.setNamesrvAddr(properties.namesrv());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPollNameServerInterval(10_000);
        consumer.setMaxReconsumeTimes(BROKER_RETRIES);
        consumer.subscribe(properties.checkTopic(), "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> handle(messages));
    }

    @Override
    public void schedule(String payOrderNo) {
        send(check(payOrderNo, properties.checkDelay().toMillis(), null));
    }

    private Message check(String payOrderNo, long delayMillis, String firstCheckAt) {
        Message check = new Message(properties.checkTopic(), "CHECK", payOrderNo, payOrderNo.getBytes(StandardCharsets.UTF_8));
        check.setDeliverTimeMs(System.currentTimeMillis() + delayMillis);
        if (firstCheckAt != null) {
            check.putUserProperty(FIRST_CHECK_AT, firstCheckAt);
        }
        return check;
    }

    /** Stores a check at the broker; throws when it may not be stored. */
    void send(Message check) {
        String payOrderNo = check.getKeys();
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

    ConsumeConcurrentlyStatus handle(List<MessageExt> messages) {
        for (MessageExt message : messages) {
            String payOrderNo = new String(message.getBody(), StandardCharsets.UTF_8);
            boolean finished;
            try {
                finished = orchestrator.recover(payOrderNo);
            } catch (RuntimeException e) {
                log.warn("check of pay order {} failed, will be retried: {}", payOrderNo, e.toString());
                finished = false;
            }
            if (finished) {
                continue;
            }
            boolean late = message.getUserProperty(FIRST_CHECK_AT) != null; // a late check never restarts the broker's backoff
            if (!late && message.getReconsumeTimes() < BROKER_RETRIES - 1) {
                log.info("pay order {} not final yet at check {}; retrying later", payOrderNo, message.getReconsumeTimes());
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            if (!lateCheck(payOrderNo, message)) {
                return ConsumeConcurrentlyStatus.RECONSUME_LATER; // not stored: the broker's last retry tries again
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    /** The broker's backoff is used up: the next check, {@code late-check-every} from now. */
    private boolean lateCheck(String payOrderNo, MessageExt message) {
        String carried = message.getUserProperty(FIRST_CHECK_AT);
        String firstCheckAt = carried != null ? carried : Long.toString(message.getBornTimestamp() + properties.checkDelay().toMillis());
        long age = System.currentTimeMillis() - Long.parseLong(firstCheckAt);
        if (age > properties.overdueAfter().toMillis()) {
            log.error("ALARM: pay order {} still not final {} h after its first check; checked again every {}, reconciliation decides",
                    payOrderNo, age / 3_600_000, properties.lateCheckEvery());
        } else {
            log.warn("pay order {} not final after the broker's {} retries; checked again every {}", payOrderNo, BROKER_RETRIES,
                    properties.lateCheckEvery());
        }
        try {
            send(check(payOrderNo, properties.lateCheckEvery().toMillis(), firstCheckAt));
            return true;
        } catch (IllegalStateException e) {
            log.warn("late check of pay order {} not stored: {}", payOrderNo, e.toString());
            return false;
        }
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
