package io.paysuite.trade.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.trade.infra.event.TradeEventDraft;
import io.paysuite.trade.infra.event.TradeEvents;
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
    private final ObjectMapper json;

    public TradeChanges(TradeEvents events, OrderNo orderNo, ObjectMapper json) {
        this.events = events;
        this.orderNo = orderNo;
        this.json = json;
    }

    /**
     * Runs {@code change} (a compare-and-set that throws {@link StateMoved} when it missed) with
     * the event {@code eventType} carrying {@code payload} as JSON.
     */
    public <T> T commit(String tradeNo, String eventType, Object payload, Supplier<T> change) {
        String eventId = orderNo.next(OrderNo.Kind.EVENT, ShardGene.ofOrderNo(tradeNo));
        return events.publishWith(new TradeEventDraft(eventId, tradeNo, eventType, toJson(payload)), change);
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize event payload " + payload, e);
        }
    }

    /** Thrown inside a change whose compare-and-set missed: rolls the change and its event back. */
    public static final class StateMoved extends RuntimeException {
        public StateMoved(String what) {
            super(what, null, false, false);
        }
    }
}
