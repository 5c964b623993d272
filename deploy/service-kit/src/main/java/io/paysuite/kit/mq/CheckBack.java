package io.paysuite.kit.mq;

import io.paysuite.kit.shadow.ShadowMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to the broker's check-back about a half (prepared) message whose first answer never
 * arrived: the producer died, the answer was lost, or it was UNKNOW. Asked of any live producer of
 * the group, possibly another instance long after a crash, so it answers from the database alone,
 * never from memory — the service says whether the message's local transaction committed:
 * <pre>
 *   committed    message age            answer
 *   yes          any                    COMMIT_MESSAGE
 *   no           &lt;  grace period      UNKNOW    (its transaction may still be running; ask again)
 *   no           &gt;= grace period     ROLLBACK_MESSAGE (the local transaction timeout, shorter than
 *                                                  the grace period, ended it without committing)
 *   lookup failed                       UNKNOW    (the database is not answering; ask again)
 * </pre>
 * The broker stops asking after {@code transactionCheckMax} (15) checks, {@code transactionCheckInterval}
 * (30 s) apart, and then discards the half message: a grace period of a minute is well inside that budget.
 */
public final class CheckBack {

    private static final Logger log = LoggerFactory.getLogger(CheckBack.class);

    private final String what;
    private final Predicate<MessageExt> committed;
    private final Duration gracePeriod;
    private final Clock clock;

    /**
     * @param what        what the messages are, for the log
     * @param committed   whether the message's local transaction committed, read from the database; may throw
     * @param gracePeriod how long a message whose transaction did not commit may still be running it
     */
    public CheckBack(String what, Predicate<MessageExt> committed, Duration gracePeriod, Clock clock) {
        this.what = what;
        this.committed = committed;
        this.gracePeriod = gracePeriod;
        this.clock = clock;
    }

    public LocalTransactionState answer(MessageExt message) {
        Duration age = Duration.between(Instant.ofEpochMilli(message.getBornTimestamp()), clock.instant());
        boolean present;
        try {
            present = ShadowMessages.restoring(message, () -> committed.test(message)); // a load-test message's row is in the shadow
        } catch (RuntimeException e) {
            log.warn("check-back of {} {} (message {}): database not answering, UNKNOW", what, message.getKeys(), message.getMsgId(), e);
            return LocalTransactionState.UNKNOW;
        }
        LocalTransactionState answer = decide(present, age);
        log.info("check-back of {} (keys {}, age {} ms): {}, answer {}", what, message.getKeys(), age.toMillis(),
                present ? "committed" : "not committed", answer);
        return answer;
    }

    public LocalTransactionState decide(boolean committed, Duration age) {
        if (committed) {
            return LocalTransactionState.COMMIT_MESSAGE;
        }
        return age.compareTo(gracePeriod) >= 0 ? LocalTransactionState.ROLLBACK_MESSAGE : LocalTransactionState.UNKNOW;
    }
}
