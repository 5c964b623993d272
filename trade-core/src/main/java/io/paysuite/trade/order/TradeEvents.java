package io.paysuite.trade.order;

import java.util.function.Supplier;

/**
 * Publishes a trade event if and only if the state change that causes it commits.
 *
 * <p>This is the "state change and its event commit together" rule of the architecture: never
 * "update, then send to MQ and only log a failure" (a lost event), and never "send, then update"
 * (an event about a change that did not happen).
 */
public interface TradeEvents {

    /**
     * Runs {@code localWork} and the insert of the event row in one local database transaction;
     * the message becomes visible to consumers if and only if that transaction commits.
     *
     * <p>Must be called outside any transaction: the commit has to happen here, before the broker
     * is told to deliver. {@code localWork} therefore must not open its own transaction with
     * {@code REQUIRES_NEW}, and must write only to the database of the trade's shard gene.
     *
     * @return what {@code localWork} returned, after the commit
     * @throws RuntimeException whatever {@code localWork} threw (e.g. a {@code BizException}),
     *         unchanged; the transaction is rolled back and the message is never delivered
     * @throws TradeEventsUnavailableException when the broker cannot take the message; nothing
     *         ran and nothing changed
     */
    <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork);

    /**
     * A trail-only event (no service subscribes to it: {@link TradeChanges#TRAIL_ONLY}): runs {@code localWork} and
     * the insert of the event row, already marked published, in one local transaction, and sends no message. The
     * row still commits with the change and the trade's trail shows it; what is saved is the broker's half message,
     * its commit and the published mark — two broker round trips and a database write per event.
     *
     * <p>The default publishes it like any other event (implementations without a cheaper way, tests).
     */
    default <T> T recordWith(TradeEventDraft draft, Supplier<T> localWork) {
        return publishWith(draft, localWork);
    }
}
