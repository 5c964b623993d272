package io.paysuite.trade.infra.event;

import io.paysuite.trade.order.TradeEventDraft;
import io.paysuite.trade.order.TradeEventsUnavailableException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.function.Supplier;

/**
 * One {@link io.paysuite.trade.order.TradeEvents#publishWith} call on its way through its local transaction
 * ({@link TradeEventTransactionListener#commitLocally}), in the caller's own thread; the caller reads the outcome
 * from it afterwards. Transactional delivery passes it through the RocketMQ client as the opaque argument of the
 * listener, and the client swallows anything the listener throws, which is why the outcome travels here and not
 * as an exception; outbox delivery calls the listener's local transaction directly and reads it the same way.
 */
final class PendingTradeEvent<T> {

    private final TradeEventDraft draft;
    private final Supplier<T> localWork;
    private boolean started;
    private boolean committing;
    private T result;
    private Throwable failure;

    PendingTradeEvent(TradeEventDraft draft, Supplier<T> localWork) {
        this.draft = draft;
        this.localWork = localWork;
    }

    TradeEventDraft draft() {
        return draft;
    }

    /** Inside the transaction: the caller's work, then the event row, last, right before the commit. */
    void runLocalWork(TradeEventMapper mapper, TradeEventDO row) {
        started = true;
        result = localWork.get();
        mapper.insert(row);
    }

    /** Every statement succeeded; what fails from here on is the commit itself. */
    void committing() {
        committing = true;
    }

    /** Whether the local work began (transactional delivery: the broker had accepted the half message). */
    boolean started() {
        return started;
    }

    void failed(Throwable failure) {
        this.failure = failure;
    }

    /**
     * True once the statements all succeeded: a failure after that came from the commit itself, whose
     * outcome the database may not have told us.
     */
    boolean commitAttempted() {
        return committing;
    }

    /** What the caller gets: the work's result, or exactly what went wrong. */
    T outcome() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new UndeclaredThrowableException(failure);
        }
        if (!started) {
            throw new TradeEventsUnavailableException("the broker did not accept event " + draft.eventId()
                    + " of trade " + draft.tradeNo() + "; nothing was changed", null);
        }
        return result;
    }
}
