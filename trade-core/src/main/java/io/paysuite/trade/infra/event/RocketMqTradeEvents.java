package io.paysuite.trade.infra.event;

import io.paysuite.kit.mq.RocketMqAdapter;
import io.paysuite.kit.mq.TransactionalProducer;
import io.paysuite.trade.order.TradeEventDraft;
import io.paysuite.trade.order.TradeEvents;
import io.paysuite.trade.order.TradeEventsUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link TradeEvents} over the kit's {@link TransactionalProducer}: send the half message, run the
 * local transaction, then tell the broker COMMIT or ROLLBACK. If that last word is lost (a crash, a
 * network fault) the broker asks the producer group, and {@link TradeEventTransactionListener} answers
 * from the {@code trade_event} row that committed, or did not, with the change.
 *
 * <p>Messages: topic {@code paysuite.events.topic}, tag = event type, keys = trade number and event id
 * (both searchable in the console), body = payload JSON, user property {@code eventId}. Delivery is at
 * least once (a retried half message or a check-back racing the original COMMIT can deliver twice):
 * consumers deduplicate on {@code eventId}.
 */
@Component
public class RocketMqTradeEvents extends RocketMqAdapter implements TradeEvents {

    private static final Logger log = LoggerFactory.getLogger(RocketMqTradeEvents.class);
    /** Check-backs do one indexed lookup each; two threads keep up with a backlog after a crash. */
    private static final int CHECK_THREADS = 2;
    /** How long a published mark waits for others to share its UPDATE; a crash loses at most this much of them. */
    private static final Duration MARK_DELAY = Duration.ofMillis(200);

    private final TradeEventsProperties properties;
    private final TradeEventMapper mapper;
    private final TransactionalProducer producer;
    private final PublishedMarks marks;
    private final TransactionTemplate transactions;

    public RocketMqTradeEvents(TradeEventsProperties properties, TradeEventMapper mapper,
                               PlatformTransactionManager transactionManager) {
        super(0); // started early, stopped late: after Dubbo stops handing us calls, before the DataSource closes
        this.properties = properties;
        this.mapper = mapper;
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        transactions.setTimeout((int) properties.localTransactionTimeout().toSeconds());
        transactions.setName("trade-event");
        this.transactions = transactions;
        TradeEventTransactionListener listener = new TradeEventTransactionListener(mapper, transactions,
                properties.gracePeriod(), Clock.systemUTC(), FaultHooks.of(properties.chaos()));
        // registered first, so it stops after the producer: the last marks are flushed, then the DataSource closes
        marks = runs(new PublishedMarks(mapper, Clock.systemUTC(), MARK_DELAY));
        producer = runs(new TransactionalProducer(new TransactionalProducer.Settings(properties.producerGroup(),
                properties.namesrv(), properties.topic(), properties.sendTimeout(), CHECK_THREADS), listener));
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
            sent = producer.send(toMessage(draft, properties.topic()), pending);
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
            // only now, with the commit on its way to the broker: a producer that dies before this line (or
            // before the marks' next flush) leaves the row unmarked, for the check-back or else the janitor
            // (UnpublishedTradeEvents); marks are batched (PublishedMarks), not one UPDATE per event
            marks.mark(draft.eventId());
        }
        return pending.outcome();
    }

    /**
     * The change and its row, marked published, in one local transaction; no half message, no commit to the broker,
     * no published mark after it (nothing subscribes to a trail-only event, see TradeChanges.TRAIL_ONLY).
     */
    @Override
    public <T> T recordWith(TradeEventDraft draft, Supplier<T> localWork) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("recordWith must run outside a transaction; event " + draft.eventId());
        }
        TradeEventDO row = TradeEventDO.of(draft, LocalDateTime.ofInstant(Clock.systemUTC().instant(), ZoneOffset.UTC));
        return transactions.execute(status -> {
            T result = localWork.get();
            mapper.insertPublished(row);
            return result;
        });
    }

    static Message toMessage(TradeEventDraft draft, String topic) {
        Message message = new Message(topic, draft.eventType(), draft.payload().getBytes(StandardCharsets.UTF_8));
        message.setKeys(List.of(draft.tradeNo(), draft.eventId()));
        message.putUserProperty(TradeEventTransactionListener.EVENT_ID_PROPERTY, draft.eventId());
        return message;
    }

}
