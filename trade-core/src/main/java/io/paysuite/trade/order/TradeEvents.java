package io.paysuite.trade.order;

import java.util.function.Supplier;

/**
 * Publishes a trade event if and only if the state change that causes it commits: the change and the event's
 * row commit in one local transaction, and the row is the outbox the message is sent from.
 *
 * <p>This is the "state change and its event commit together" rule of the architecture: never
 * "update, then send to MQ and only log a failure" (a lost event), and never "send, then update"
 * (an event about a change that did not happen). The message is sent right after the commit; should that
 * send fail or the process die first, the committed row is sent again from the outbox within seconds
 * (docs/adr/0012-trade-events-outbox.md). The transactional-message delivery it replaced is still selectable.
 */
public interface TradeEvents {

    /**
     * Runs {@code localWork} and the insert of the event row in one local database transaction;
     * the message reaches consumers if and only if that transaction commits — at least once, possibly late
     * (sent from the outbox when the send right after the commit failed), possibly twice (consumers deduplicate
     * on the event id).
     *
     * <p>Must be called outside any transaction: the commit has to happen here, before anything is
     * sent. {@code localWork} therefore must not open its own transaction with
     * {@code REQUIRES_NEW}, and must write only to the database of the trade's shard gene.
     *
     * @return what {@code localWork} returned, after the commit — also when the broker could not take the
     *         message then: the change happened, and its event follows from the outbox
     * @throws RuntimeException whatever {@code localWork} threw (e.g. a {@code BizException}),
     *         unchanged; the transaction is rolled back and the message is never delivered. Also the
     *         failure of a commit whose outcome is unknown: delivered if and only if the row committed
     * @throws TradeEventsUnavailableException transactional delivery only: the broker cannot take the
     *         half message; nothing ran and nothing changed
     */
    <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork);

    /**
     * A trail-only event (no service subscribes to it: {@link TradeChanges#TRAIL_ONLY}): runs {@code localWork} and
     * the insert of the event row, already marked published, in one local transaction, and sends no message. The
     * row still commits with the change and the trade's trail shows it; what is saved is the message's send and the
     * published mark (with transactional delivery: the half message and its commit too).
     *
     * <p>The default publishes it like any other event (implementations without a cheaper way, tests).
     */
    default <T> T recordWith(TradeEventDraft draft, Supplier<T> localWork) {
        return publishWith(draft, localWork);
    }
}
