package io.paysuite.trade.order;

import io.paysuite.api.event.EventType;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ids.ShardGene;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Every trade-side state change goes through here: the change runs in one local transaction
 * with its event row, and the event is delivered if and only if that transaction commits. The
 * event id carries the trade's shard gene, so both rows live in one physical database.
 */
@Component
public class TradeChanges {

    private final TradeEvents events;
    private final OrderNo orderNo;

    public TradeChanges(TradeEvents events, OrderNo orderNo) {
        this.events = events;
        this.orderNo = orderNo;
    }

    /**
     * Runs {@code change} (a compare-and-set that throws {@link StateMoved} when it missed) with
     * the event {@code type} carrying {@code payload}.
     */
    public <P, T> T commit(String tradeNo, EventType<P> type, P payload, Supplier<T> change) {
        String eventId = orderNo.next(OrderNo.Kind.EVENT, ShardGene.ofOrderNo(tradeNo));
        return events.publishWith(TradeEventDraft.of(eventId, tradeNo, type, payload), change);
    }

    /** Thrown inside a change whose compare-and-set missed: rolls the change and its event back. */
    public static final class StateMoved extends RuntimeException {
        public StateMoved(String what) {
            super(what, null, false, false);
        }
    }
}
