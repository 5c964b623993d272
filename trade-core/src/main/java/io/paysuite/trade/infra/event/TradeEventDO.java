package io.paysuite.trade.infra.event;

import io.paysuite.kit.trace.CurrentTrace;
import io.paysuite.trade.order.TradeEventDraft;
import java.time.LocalDateTime;

/**
 * A row of {@code trade_event}: the local proof that an event's transaction committed, with the trace
 * id of the request or message that committed it (the ops trail shows it).
 */
public record TradeEventDO(String eventId, String tradeNo, String eventType, String payload, LocalDateTime createdAt,
                           String traceId) {

    static TradeEventDO of(TradeEventDraft draft, LocalDateTime createdAt) {
        return new TradeEventDO(draft.eventId(), draft.tradeNo(), draft.eventType(), draft.payload(), createdAt,
                CurrentTrace.traceId());
    }

    /** The event as it was drafted: what its message is built from, first and every time it is sent again. */
    TradeEventDraft draft() {
        return new TradeEventDraft(eventId, tradeNo, eventType, payload);
    }
}
