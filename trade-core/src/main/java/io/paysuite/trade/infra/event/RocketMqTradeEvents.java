package io.paysuite.trade.infra.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.kit.mq.MessageProducer;
import io.paysuite.kit.mq.MessageSender;
import io.paysuite.kit.mq.RocketMqAdapter;
import io.paysuite.kit.mq.TransactionalProducer;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.trade.order.TradeEventDraft;
import io.paysuite.trade.order.TradeEvents;
import io.paysuite.trade.order.TradeEventsUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link TradeEvents} over RocketMQ, delivered as {@code paysuite.events.delivery} says
 * ({@link TradeEventsProperties.Delivery}):
 * <ul>
 *   <li><b>outbox</b> (the default): the change and its {@code trade_event} row commit in one local transaction;
 *       then the message is sent plainly on the kit's {@link MessageProducer} without waiting for the broker
 *       ({@link MessageSender#sendThen}), and, once the broker answered that it stored it, the row is marked published
 *       ({@link PublishedMarks}, batched) on the client's callback thread. The caller — {@code TradeChanges.commit},
 *       which then wakes the till's settled waiters, and the Dubbo answer of create or paid behind it — goes on as
 *       soon as the row committed instead of after the broker's round trip (1–2 ms, twice on a payment's path:
 *       {@code TRADE_CREATED} and {@code TRADE_SUCCEEDED}; beginPay's {@code TRADE_PAYING} is trail-only). Nothing
 *       can be lost by not waiting: the row is the event, and a send that fails, times out, or is still in flight
 *       when the instance stops leaves it unmarked, for the {@link EventRelay}, which sends it seconds later as it
 *       does for an instance that died between its commit and its send. The send never fails the caller either
 *       way — the change happened. A send the broker answers only after {@code relay-after} (possible:
 *       {@code send-timeout} is as long) is sent again by the relay meanwhile, as a slow synchronous send was;
 *       consumers deduplicate.</li>
 *   <li><b>transactional</b>: the kit's {@link TransactionalProducer} sends the half message, runs the local
 *       transaction, then tells the broker COMMIT or ROLLBACK. If that last word is lost (a crash, a network fault)
 *       the broker asks the producer group, and {@link TradeEventTransactionListener} answers from the
 *       {@code trade_event} row that committed, or did not, with the change.</li>
 * </ul>
 * The transactional producer and its listener run in both modes: the broker's check-backs of half messages an
 * instance in the other mode left (a rolling upgrade, a switch back) are answered by whichever instance is up.
 *
 * <p>Messages: topic {@code paysuite.events.topic}, tag = event type, keys = trade number and event id
 * (both searchable in the console), body = payload JSON, user property {@code eventId}, the sender's trace and the
 * load-traffic mark (the kit's producers add both). Delivery is at least once (a relay racing a slow send, two
 * relays, a retried half message or a check-back racing the original COMMIT can deliver twice): consumers
 * deduplicate on {@code eventId} or on the business keys the event carries.
 */
@Component
public class RocketMqTradeEvents extends RocketMqAdapter implements TradeEvents {

    private static final Logger log = LoggerFactory.getLogger(RocketMqTradeEvents.class);
    /** Check-backs do one indexed lookup each; two threads keep up with a backlog after a crash. */
    private static final int CHECK_THREADS = 2;
    /** How long a published mark waits for others to share its UPDATE; a crash loses at most this much of them. */
    private static final Duration MARK_DELAY = Duration.ofMillis(200);
    /** The plain producer of outbox delivery; any group will do for plain sends, this one names them in the console. */
    static final String OUTBOX_PRODUCER_GROUP = "paysuite-trade-events";

    private final TradeEventsProperties properties;
    private final TradeEventMapper mapper;
    private final TradeEventTransactionListener listener;
    private final TransactionalProducer producer;
    private final MessageSender sender;
    private final PublishedMarks marks;
    private final TransactionOperations transactions;
    private final Clock clock;

    @Autowired
    public RocketMqTradeEvents(TradeEventsProperties properties, TradeEventMapper mapper,
                               PlatformTransactionManager transactionManager, MeterRegistry meters) {
        this(properties, mapper, transactions(transactionManager, properties), Clock.systemUTC(), meters);
    }

    private RocketMqTradeEvents(TradeEventsProperties properties, TradeEventMapper mapper, TransactionTemplate transactions,
                                Clock clock, MeterRegistry meters) {
        this(properties, mapper, transactions, new TradeEventTransactionListener(mapper, transactions,
                        properties.gracePeriod(), clock, FaultHooks.of(properties.chaos())),
                properties.delivery() == TradeEventsProperties.Delivery.OUTBOX
                        ? new MessageProducer(OUTBOX_PRODUCER_GROUP, properties.namesrv(), properties.sendTimeout(), 0)
                        : null,
                clock, ShadowContext::accepted, meters);
    }

    /**
     * @param sender     the plain producer of outbox delivery (started with this adapter when it is a client of the
     *                   kit), or null in transactional delivery
     * @param shadowSide whether the relay sweeps shadow databases too
     * @param meters     where the relay counts what it sent ({@link EventRelay#RELAYED_METER})
     */
    RocketMqTradeEvents(TradeEventsProperties properties, TradeEventMapper mapper, TransactionOperations transactions,
                        TradeEventTransactionListener listener, MessageSender sender, Clock clock,
                        BooleanSupplier shadowSide, MeterRegistry meters) {
        super(0); // started early, stopped late: after Dubbo stops handing us calls, before the DataSource closes
        if (properties.delivery() == TradeEventsProperties.Delivery.OUTBOX && sender == null) {
            throw new IllegalArgumentException("outbox delivery needs a producer to send with");
        }
        this.properties = properties;
        this.mapper = mapper;
        this.transactions = transactions;
        this.listener = listener;
        this.clock = clock;
        // registered first, so it stops after the producers: the last marks are flushed, then the DataSource closes
        marks = runs(new PublishedMarks(mapper, clock, MARK_DELAY));
        // in both modes: it answers the check-backs of half messages, whichever instance sent them
        producer = runs(new TransactionalProducer(new TransactionalProducer.Settings(properties.producerGroup(),
                properties.namesrv(), properties.topic(), properties.sendTimeout(), CHECK_THREADS), listener));
        this.sender = properties.delivery() == TradeEventsProperties.Delivery.OUTBOX ? sender : null;
        if (this.sender instanceof SmartLifecycle client) {
            runs(client);
        }
        if (this.sender != null) {
            // registered last: started once it can send, stopped before the producer it sends with
            runs(new EventRelay(mapper, this.sender, properties.topic(), properties.relayAfter(),
                    properties.relayInterval(), clock, shadowSide, meters));
        }
    }

    private static TransactionTemplate transactions(PlatformTransactionManager transactionManager,
                                                    TradeEventsProperties properties) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        transactions.setTimeout((int) properties.localTransactionTimeout().toSeconds());
        transactions.setName("trade-event");
        return transactions;
    }

    @Override
    public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Joining the caller's transaction would send (or answer COMMIT) before anything committed.
            throw new IllegalStateException("publishWith must run outside a transaction; event " + draft.eventId());
        }
        return sender != null ? publishAfterCommit(draft, localWork) : publishTransactionally(draft, localWork);
    }

    /**
     * Outbox: the local transaction, then — only after it committed — the plain send, whose mark follows when the
     * broker answers; the caller does not wait for that answer. A rollback sends nothing; a commit whose outcome is
     * unknown sends nothing either and hands the caller the failure, as transactional delivery does: if the row
     * committed, the relay sends it.
     */
    private <T> T publishAfterCommit(TradeEventDraft draft, Supplier<T> localWork) {
        PendingTradeEvent<T> pending = new PendingTradeEvent<>(draft, localWork);
        if (listener.commitLocally(pending) == LocalTransactionState.COMMIT_MESSAGE) {
            sendCommitted(draft);
        }
        return pending.outcome();
    }

    /**
     * Starts the send and returns; never throws: the change committed, and the caller must hear so; an unsent event
     * is the relay's. The mark is asked only in {@code stored}, when the broker has the message: a producer that dies
     * before its answer (or before the marks' next flush) leaves the row unmarked, for the relay; marks are batched
     * (PublishedMarks), not one UPDATE per event. Both callbacks run on the client's thread and only queue a mark
     * (written by the marks' own thread; at once only after the marks stopped, at shutdown) or log a line, so neither
     * blocks it. That thread carries no load-traffic mark, so the mark is asked on the side the
     * event's row was written (the caller's {@link ShadowContext}); asked on the real side, a load test's marks
     * would miss their rows and the relay would send every load-test event twice.
     */
    private void sendCommitted(TradeEventDraft draft) {
        Runnable stored = ShadowContext.carried(() -> marks.mark(draft.eventId()));
        try {
            sender.sendThen(toMessage(draft, properties.topic()), stored, e -> notSent(draft, e));
        } catch (RuntimeException e) {
            notSent(draft, e); // the kit's senders report through notStored; a sender that throws is treated alike
        }
    }

    private void notSent(TradeEventDraft draft, RuntimeException e) {
        log.warn("event {} {} of trade {} committed but not sent ({}); the relay sends it within {}",
                draft.eventType(), draft.eventId(), draft.tradeNo(), e.toString(),
                properties.relayAfter().plus(properties.relayInterval()));
    }

    private <T> T publishTransactionally(TradeEventDraft draft, Supplier<T> localWork) {
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
        TradeEventDO row = TradeEventDO.of(draft, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
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
