package io.paysuite.trade.infra.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * ROLLBACK if it rolled back, UNKNOW if the commit itself failed and its outcome is not known.
 *
 * <p>{@link #checkLocalTransaction}: the broker's check-back, for a message whose first answer
 * never arrived (the producer died, the answer was lost, or it was UNKNOW). Asked of any live
 * producer of the group, possibly another instance long after a crash, so it answers from the
 * database alone, never from memory:
 * <pre>
 *   event row    message age            answer
 *   present      any                    COMMIT_MESSAGE
 *   absent       &lt;  grace period      UNKNOW    (its transaction may still be running; ask again)
 *   absent       &gt;= grace period     ROLLBACK_MESSAGE (the local transaction timeout, shorter than
 *                                                  the grace period, ended it without the row)
 *   lookup failed                       UNKNOW    (the database is not answering; ask again)
 * </pre>
 * The broker stops asking after {@code transactionCheckMax} (15) checks, {@code transactionCheckInterval}
 * (30 s) apart, and then discards the half message: with the broker's defaults the grace period
 * (60 s) is well inside that budget. A committed event is answered COMMIT at the first check.
 */
final class TradeEventTransactionListener implements TransactionListener {

    static final String EVENT_ID_PROPERTY = "eventId";

    private static final Logger log = LoggerFactory.getLogger(TradeEventTransactionListener.class);

    private final TradeEventMapper mapper;
    private final TransactionOperations transactions;
    private final Duration gracePeriod;
    private final Clock clock;
    private final FaultHooks faults;

    /** @param faults no-ops except on a test instance; see {@link TradeEventsProperties.Chaos} */
    TradeEventTransactionListener(TradeEventMapper mapper, TransactionOperations transactions, Duration gracePeriod,
                                  Clock clock, FaultHooks faults) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.gracePeriod = gracePeriod;
        this.clock = clock;
        this.faults = faults;
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        PendingTradeEvent<?> pending = (PendingTradeEvent<?>) arg;
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
                // or may not be there. Let the check-back find out from the database.
                log.error("event {} of trade {}: commit outcome unknown, the broker will check back",
                        row.eventId(), row.tradeNo(), failure);
                return LocalTransactionState.UNKNOW;
            }
            log.info("event {} of trade {} rolled back: {}", row.eventId(), row.tradeNo(), failure.toString());
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
        faults.afterLocalCommit().run();
        return LocalTransactionState.COMMIT_MESSAGE;
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        String eventId = message.getUserProperty(EVENT_ID_PROPERTY);
        Duration age = Duration.between(Instant.ofEpochMilli(message.getBornTimestamp()), clock.instant());
        boolean rowPresent;
        try {
            rowPresent = eventId != null && mapper.findByEventId(eventId) != null;
        } catch (RuntimeException e) {
            log.warn("check-back of event {} (message {}): database not answering, UNKNOW", eventId, message.getMsgId(), e);
            return LocalTransactionState.UNKNOW;
        }
        LocalTransactionState answer = decide(rowPresent, age);
        log.info("check-back of event {} (keys {}, age {} ms): row {}, answer {}", eventId, message.getKeys(),
                age.toMillis(), rowPresent ? "present" : "absent", answer);
        return answer;
    }

    LocalTransactionState decide(boolean rowPresent, Duration age) {
        if (rowPresent) {
            return LocalTransactionState.COMMIT_MESSAGE;
        }
        return age.compareTo(gracePeriod) >= 0 ? LocalTransactionState.ROLLBACK_MESSAGE : LocalTransactionState.UNKNOW;
    }
}
