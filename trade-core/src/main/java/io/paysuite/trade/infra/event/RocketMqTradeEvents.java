package io.paysuite.trade.infra.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link TradeEvents} over a RocketMQ transactional message: send the half message, run the local
 * transaction, then tell the broker COMMIT or ROLLBACK. If that last word is lost (a crash, a network
 * fault) the broker asks the producer group, and {@link TradeEventTransactionListener} answers from the
 * {@code trade_event} row that committed, or did not, with the change.
 *
 * <p>Messages: topic {@code paysuite.events.topic}, tag = event type, keys = trade number and event id
 * (both searchable in the console), body = payload JSON, user property {@code eventId}. Delivery is at
 * least once (a retried half message or a check-back racing the original COMMIT can deliver twice):
 * consumers deduplicate on {@code eventId}.
 *
 * <p>The producer starts with the application context, before Dubbo exports the services that call it,
 * and stops after they are unexported.
 */
@Component
public class RocketMqTradeEvents implements TradeEvents, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RocketMqTradeEvents.class);
    /** Check-backs do one indexed lookup each; two threads keep up with a backlog after a crash. */
    private static final int CHECK_THREADS = 2;
    private static final int CHECK_BACKLOG = 2000;

    private final TradeEventsProperties properties;
    private final TransactionMQProducer producer;
    private final ThreadPoolExecutor checkExecutor = new ThreadPoolExecutor(CHECK_THREADS, CHECK_THREADS,
            60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(CHECK_BACKLOG), checkThreads(),
            // the broker asks again at its next check interval: dropping a check loses nothing
            new ThreadPoolExecutor.DiscardPolicy());
    private volatile boolean running;

    public RocketMqTradeEvents(TradeEventsProperties properties, TradeEventMapper mapper,
                               PlatformTransactionManager transactionManager) {
        this.properties = properties;
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        transactions.setTimeout((int) properties.localTransactionTimeout().toSeconds());
        transactions.setName("trade-event");
        TradeEventTransactionListener listener = new TradeEventTransactionListener(mapper, transactions,
                properties.gracePeriod(), Clock.systemUTC(), FaultHooks.of(properties.chaos()));

        producer = new TransactionMQProducer(properties.producerGroup());
        producer.setNamesrvAddr(properties.namesrv());
        producer.setSendMsgTimeout(Math.toIntExact(properties.sendTimeout().toMillis()));
        producer.setVipChannelEnabled(false);
        producer.setExecutorService(checkExecutor);
        producer.setTransactionListener(listener);
    }

    @Override
    public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Joining the caller's transaction would answer COMMIT before anything committed.
            throw new IllegalStateException("publishWith must run outside a transaction; event " + draft.eventId());
        }
        PendingTradeEvent<T> pending = new PendingTradeEvent<>(draft, localWork);
        TransactionSendResult sent;
        try {
            sent = producer.sendMessageInTransaction(toMessage(draft, properties.topic()), pending);
        } catch (MQClientException e) {
            if (pending.started()) {
                // not thrown by 5.3.3 once the local work ran; if it were, the outcome is the local one
                // and the broker resolves the half message by check-back
                log.warn("event {} of trade {}: client failed after the local transaction", draft.eventId(), draft.tradeNo(), e);
                return pending.outcome();
            }
            throw new TradeEventsUnavailableException("cannot send event " + draft.eventId() + " of trade "
                    + draft.tradeNo() + " to " + properties.namesrv() + "; nothing was changed", e);
        }
        if (sent.getLocalTransactionState() == LocalTransactionState.COMMIT_MESSAGE) {
            log.debug("event {} {} of trade {} committed, message {}", draft.eventType(), draft.eventId(),
                    draft.tradeNo(), sent.getMsgId());
        }
        return pending.outcome();
    }

    static Message toMessage(TradeEventDraft draft, String topic) {
        Message message = new Message(topic, draft.eventType(), draft.payload().getBytes(StandardCharsets.UTF_8));
        message.setKeys(List.of(draft.tradeNo(), draft.eventId()));
        message.putUserProperty(TradeEventTransactionListener.EVENT_ID_PROPERTY, draft.eventId());
        return message;
    }

    private static ThreadFactory checkThreads() {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "trade-event-check-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void start() {
        try {
            producer.start();
            announceToBrokers();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start trade event producer " + properties.producerGroup(), e);
        }
        running = true;
        log.info("trade event producer {} started: namesrv {}, topic {}", properties.producerGroup(),
                properties.namesrv(), properties.topic());
    }

    /**
     * A RocketMQ producer heartbeats only to the brokers of topics it has already sent to, and the
     * broker sends check-backs only to producers it has a heartbeat from. An instance restarted
     * after a crash must answer for the half messages its predecessor left before it sends
     * anything itself, so it learns the topic's brokers and heartbeats to them at once. If the
     * topic does not exist yet, the route of the broker's default topic stands in for it.
     */
    private void announceToBrokers() {
        MQClientInstance client = producer.getDefaultMQProducerImpl().getMqClientFactory();
        // a name server busy with a whole suite starting on two cores can miss its ~1 s answer:
        // transient, so it is asked again for up to a minute before start-up fails
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
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
        checkExecutor.shutdown();
        log.info("trade event producer {} stopped", properties.producerGroup());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started early, stopped late: after Dubbo stops handing us calls, before the DataSource closes. */
    @Override
    public int getPhase() {
        return 0;
    }
}
