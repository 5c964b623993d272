package io.paysuite.pay.infra.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.pay.config.PayProperties;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayOrderRepository;
import io.paysuite.pay.order.PaySuccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * {@link PaySuccess} as a RocketMQ transactional message. The local transaction is the single
 * compare-and-set UPDATE of the pay order, so the pay order row itself is the outbox: the
 * check-back answers from its status alone —
 * <pre>
 *   pay order status     message age        answer
 *   SUCCESS              any                COMMIT
 *   PROCESSING           &lt; grace period  UNKNOW   (ask again)
 *   PROCESSING/other     &gt;= grace       ROLLBACK (the update never committed)
 *   lookup failed        any                UNKNOW
 * </pre>
 * (trade-core keeps an event table instead because its events carry payloads that are not a
 * row's current state.) Consumers deduplicate on the pay order number.
 */
@Component
public class RocketMqPaySuccess implements PaySuccess, SmartLifecycle, TransactionListener {

    public static final String PAY_SUCCEEDED = "PAY_SUCCEEDED";
    private static final Logger log = LoggerFactory.getLogger(RocketMqPaySuccess.class);
    private static final int ANNOUNCE_SECONDS = 60;

    private final PayProperties properties;
    private final PayOrderRepository orders;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionMQProducer producer;
    private volatile boolean running;

    public RocketMqPaySuccess(PayProperties properties, PayOrderRepository orders, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.orders = orders;
        this.json = json;
        this.clock = clock;
        producer = new TransactionMQProducer(properties.producerGroup());
        producer.setNamesrvAddr(properties.namesrv());
        producer.setVipChannelEnabled(false);
        producer.setTransactionListener(this);
    }

    /** What the local transaction writes: the channel goes into the same compare-and-set as SUCCESS. */
    record Attempt(PayOrder order, String channel, Instant at) {
    }

    @Override
    public boolean succeed(PayOrder order, String channel) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PayOrderDTO done = successOf(order, channel, at);
        Message message;
        try {
            message = new Message(properties.topic(), PAY_SUCCEEDED, json.writeValueAsBytes(done));
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialize " + done, e);
        }
        message.setKeys(List.of(order.payOrderNo(), order.tradeNo()));
        TransactionSendResult sent;
        try {
            sent = send(message, new Attempt(order, channel, at));
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot send PAY_SUCCEEDED of " + order.payOrderNo() + "; nothing changed", e);
        }
        return switch (sent.getLocalTransactionState()) {
            case COMMIT_MESSAGE -> true;
            case ROLLBACK_MESSAGE -> false;
            // the update's commit threw: whether it stuck is read back, and the broker asks later
            default -> orders.find(order.payOrderNo()).map(o -> o.status() == PayOrderStatus.SUCCESS).orElse(false);
        };
    }

    /**
     * The {@code PAY_SUCCEEDED} body: the pay order as the compare-and-set leaves it, so the event
     * and the row agree on the finish time and the channel.
     */
    private static PayOrderDTO successOf(PayOrder order, String channel, Instant at) {
        return new PayOrderDTO(order.payOrderNo(), order.tradeNo(), order.requestNo(), order.buyerId(),
                order.merchantId(), order.method(), PayOrderStatus.SUCCESS, order.amount(), order.createdAt(), at, channel);
    }

    /**
     * Half message, local transaction ({@link #executeLocalTransaction}), then commit or rollback:
     * the broker's part, apart so that unit tests can play the broker without one.
     */
    TransactionSendResult send(Message message, Attempt attempt) throws MQClientException {
        return producer.sendMessageInTransaction(message, attempt);
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        Attempt attempt = (Attempt) arg;
        try {
            return orders.transition(attempt.order().payOrderNo(), PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS,
                    null, attempt.channel(), attempt.at())
                    ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
        } catch (RuntimeException unknown) {
            log.error("pay order {}: success update outcome unknown, the broker will check back",
                    attempt.order().payOrderNo(), unknown);
            return LocalTransactionState.UNKNOW;
        }
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        String payOrderNo = message.getKeys().split(" ")[0];
        Duration age = Duration.between(Instant.ofEpochMilli(message.getBornTimestamp()), clock.instant());
        try {
            PayOrderStatus status = orders.find(payOrderNo).map(PayOrder::status).orElse(null);
            LocalTransactionState answer = status == PayOrderStatus.SUCCESS ? LocalTransactionState.COMMIT_MESSAGE
                    : age.compareTo(properties.gracePeriod()) < 0 ? LocalTransactionState.UNKNOW
                    : LocalTransactionState.ROLLBACK_MESSAGE;
            log.info("check-back of PAY_SUCCEEDED {} (age {} ms): status {}, answer {}", payOrderNo, age.toMillis(), status, answer);
            return answer;
        } catch (RuntimeException e) {
            return LocalTransactionState.UNKNOW;
        }
    }

    @Override
    public void start() {
        try {
            producer.start();
            announceToBrokers();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start pay event producer", e);
        }
        running = true;
    }

    /**
     * Heartbeats to the topic's brokers at once, so a restarted instance answers check-backs of
     * half messages its crashed predecessor left (see trade-core's RocketMqTradeEvents). A name
     * server busy with a whole suite starting on two cores can miss its ~1 s answer: that is
     * transient, so it is asked again for up to {@value #ANNOUNCE_SECONDS} s before start-up fails.
     */
    private void announceToBrokers() {
        MQClientInstance client = producer.getDefaultMQProducerImpl().getMqClientFactory();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(ANNOUNCE_SECONDS);
        while (true) {
            try {
                if (!client.updateTopicRouteInfoFromNameServer(properties.topic())) {
                    client.updateTopicRouteInfoFromNameServer(properties.topic(), true, producer);
                }
                client.sendHeartbeatToAllBrokerWithLock();
                return;
            } catch (RuntimeException slow) {
                if (System.nanoTime() > deadline) {
                    throw slow;
                }
                log.warn("name server did not answer the route of {} yet, asking again: {}", properties.topic(), slow.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw slow;
                }
            }
        }
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

    @Override
    public int getPhase() {
        return 0;
    }
}
