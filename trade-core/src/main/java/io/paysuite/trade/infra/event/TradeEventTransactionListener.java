package io.paysuite.trade.infra.event;

import io.paysuite.kit.mq.CheckBack;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The two questions the broker asks about a half (prepared) trade event.
 *
 * <p>{@link #executeLocalTransaction}: right after the half message is stored, in the caller's
 * thread — run the work and insert the event row in one transaction, answer COMMIT if it committed,
 * ROLLBACK if it rolled back, UNKNOW if the commit itself failed and its outcome is not known. Outbox
 * delivery runs the same local transaction without a half message ({@link #commitLocally}).
 *
 * <p>{@link #checkLocalTransaction}: the broker's check-back, answered by the kit's {@link CheckBack}
 * from the {@code trade_event} row alone: present means committed. Asked in either delivery mode: half
 * messages an instance in transactional mode left are resolved by whichever instance is up.
 */
final class TradeEventTransactionListener implements TransactionListener {

    static final String EVENT_ID_PROPERTY = "eventId";

    private static final Logger log = LoggerFactory.getLogger(TradeEventTransactionListener.class);

    private final TradeEventMapper mapper;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final FaultHooks faults;
    private final CheckBack checkBack;

    /** @param faults no-ops except on a test instance; see {@link TradeEventsProperties.Chaos} */
    TradeEventTransactionListener(TradeEventMapper mapper, TransactionOperations transactions, Duration gracePeriod,
                                  Clock clock, FaultHooks faults) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.clock = clock;
        this.faults = faults;
        this.checkBack = new CheckBack("trade event", this::rowPresent, gracePeriod, clock);
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        return commitLocally((PendingTradeEvent<?>) arg);
    }

    /**
     * The event's local transaction, whoever sends its message: the caller's work and the event row in one
     * transaction, answered COMMIT, ROLLBACK or UNKNOW (the commit itself failed); the outcome for the caller is in
     * {@code pending}. Transactional delivery hands the answer to the broker; outbox delivery sends the message
     * after a COMMIT and nothing otherwise, leaving an unknown commit to the relay, which reads the row.
     */
    LocalTransactionState commitLocally(PendingTradeEvent<?> pending) {
        TradeEventDO row = TradeEventDO.of(pending.draft(), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        try {
            transactions.executeWithoutResult(status -> {
                pending.runLocalWork(mapper, row);
                faults.beforeLocalCommit().run();
                pending.committing();
            });
        } catch (Throwable failure) {
            pending.failed(failure);
            if (pending.commitAttempted()) {
                // The commit itself failed (e.g. the connection broke while committing): the row may
                // or may not be there. The database decides: the broker's check-back, or the relay, reads it.
                log.error("event {} of trade {}: commit outcome unknown, the event row decides (check-back or relay)",
                        row.eventId(), row.tradeNo(), failure);
                return LocalTransactionState.UNKNOW;
            }
            log.info("event {} of trade {} rolled back: {}", row.eventId(), row.tradeNo(), failure.toString());
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
        faults.afterLocalCommit().run();
        return LocalTransactionState.COMMIT_MESSAGE;
    }

    /** The check-back's answer; a COMMIT also marks the event published (see {@link UnpublishedTradeEvents}). */
    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        LocalTransactionState answer = checkBack.answer(message);
        if (answer == LocalTransactionState.COMMIT_MESSAGE) {
            markPublished(mapper, message.getUserProperty(EVENT_ID_PROPERTY), clock);
        }
        return answer;
    }

    /**
     * Records that the broker took the event's commit. A mark that fails only means the event is sent
     * once more later (the relay, or the janitor); consumers deduplicate on its id.
     */
    static void markPublished(TradeEventMapper mapper, String eventId, Clock clock) {
        try {
            mapper.markPublished(eventId, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        } catch (RuntimeException e) {
            log.warn("event {} committed at the broker but not marked published; it is sent again: {}",
                    eventId, e.toString());
        }
    }

    private boolean rowPresent(MessageExt message) {
        String eventId = message.getUserProperty(EVENT_ID_PROPERTY);
        return eventId != null && mapper.findByEventId(eventId) != null;
    }

    LocalTransactionState decide(boolean rowPresent, Duration age) {
        return checkBack.decide(rowPresent, age);
    }
}
