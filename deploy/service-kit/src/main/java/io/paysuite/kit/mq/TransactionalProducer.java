package io.paysuite.kit.mq;

import io.paysuite.kit.shadow.ShadowMessages;
import io.paysuite.kit.trace.MessageTrace;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A RocketMQ transactional producer: a state change and its event commit together. It sends the half
 * message, the service's {@link TransactionListener} runs the local transaction and answers COMMIT or
 * ROLLBACK, and when that answer is lost the broker checks back, answered from the database
 * ({@link CheckBack}). Chosen over an outbox relay for the services' rarer transactional events, because the
 * check-back turns "did my transaction commit?" into a lookup by key, with no relay process to run and watch.
 * Not for the two events of every payment any more (docs/adr/0012-trade-events-outbox.md): trade-core's
 * {@code trade_event} row already was an outbox, so trade-core sends its events plainly after the commit and
 * relays what was not sent; pay-core sends {@code PAY_SUCCEEDED} after the pay order's compare-and-set and marks
 * the row announced, and the pay order's own check timer resends an unmarked one — one broker store and round
 * trip per event instead of three and two. Both keep this producer, in their still selectable transactional
 * mode and to answer the check-backs of half messages an earlier version left.
 *
 * <p>Started with the application context (phase 0), before Dubbo exports the services that publish,
 * and stopped after they are unexported, before the DataSource closes.
 *
 * <p>It runs on the process's one RocketMQ client instance ({@link ProcessClient}) with the service's other
 * producers and consumers; the broker's check-backs name the producer group, and the instance hands each to the
 * producer of that group, so the check reaches this producer's listener.
 */
public class TransactionalProducer extends RocketMqClient {

    private static final Logger log = LoggerFactory.getLogger(TransactionalProducer.class);
    /** A name server busy with a whole suite starting on two cores can miss its ~1 s answer: asked again this long. */
    private static final long ANNOUNCE_SECONDS = 60;
    private static final int CHECK_BACKLOG = 2000;

    /**
     * @param group        the producer group; the broker asks any live member about an unconfirmed message,
     *                     so every instance of the service shares it
     * @param namesrv      the name server(s)
     * @param topic        the topic the service publishes to, whose brokers it announces itself to at start
     * @param sendTimeout  timeout of sending the half message, or null for the client's default
     * @param checkThreads threads answering check-backs, or 0 for the client's default; each does one
     *                     indexed lookup, and a check dropped when they are busy is asked again later
     */
    public record Settings(String group, String namesrv, String topic, Duration sendTimeout, int checkThreads) {
    }

    private final Settings settings;
    private final TransactionMQProducer producer;
    private final ThreadPoolExecutor checkExecutor;

    public TransactionalProducer(Settings settings, TransactionListener listener) {
        super("transactional producer " + settings.group(), 0);
        this.settings = settings;
        producer = QuietProducer.quiet(new TransactionMQProducer(settings.group()));
        producer.setNamesrvAddr(settings.namesrv());
        if (settings.sendTimeout() != null) {
            producer.setSendMsgTimeout(Math.toIntExact(settings.sendTimeout().toMillis()));
        }
        if (settings.checkThreads() > 0) {
            checkExecutor = new ThreadPoolExecutor(settings.checkThreads(), settings.checkThreads(), 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(CHECK_BACKLOG), checkThreads(settings.group()),
                    // the broker asks again at its next check interval: dropping a check loses nothing
                    new ThreadPoolExecutor.DiscardPolicy());
            producer.setExecutorService(checkExecutor);
        } else {
            checkExecutor = null;
        }
        producer.setTransactionListener(listener);
    }

    /**
     * Half message, the listener's local transaction with {@code arg}, then commit or rollback. The
     * message carries the caller's trace ({@link MessageTrace}); the local transaction runs in its span.
     */
    public TransactionSendResult send(Message message, Object arg) throws MQClientException {
        return MessageTrace.sending(ShadowMessages.mark(message), () -> producer.sendMessageInTransaction(message, arg));
    }

    public Settings settings() {
        return settings;
    }

    private static ThreadFactory checkThreads(String group) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, group + "-check-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    void open() throws MQClientException {
        ProcessClient.join(producer).start();
        announceToBrokers();
        log.info("transactional producer {} started: namesrv {}, topic {}", settings.group(), settings.namesrv(), settings.topic());
    }

    /**
     * A RocketMQ producer heartbeats only to the brokers of topics it has already sent to, and the
     * broker sends check-backs only to producers it has a heartbeat from. An instance restarted
     * after a crash must answer for the half messages its predecessor left before it sends
     * anything itself, so it learns the topic's brokers and heartbeats to them at once. If the
     * topic does not exist yet, the route of the broker's default topic stands in for it.
     */
    private void announceToBrokers() {
        MQClientInstance client = clientInstance();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANNOUNCE_SECONDS);
        while (true) {
            try {
                if (!client.updateTopicRouteInfoFromNameServer(settings.topic())) {
                    client.updateTopicRouteInfoFromNameServer(settings.topic(), true, producer);
                }
                client.sendHeartbeatToAllBrokerWithLock();
                return;
            } catch (RuntimeException slow) {
                if (System.nanoTime() > deadline) {
                    throw slow;
                }
                log.warn("name server did not answer the route of {} yet, asking again: {}", settings.topic(), slow.toString());
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
    void close() {
        producer.shutdown();
        if (checkExecutor != null) {
            checkExecutor.shutdown();
        }
        log.info("transactional producer {} stopped", settings.group());
    }

    @Override
    MQClientInstance clientInstance() {
        return producer.getDefaultMQProducerImpl().getMqClientFactory();
    }
}
