package io.paysuite.trade.infra.event;

import io.paysuite.trade.order.TradeEventDraft;
import java.time.LocalDateTime;

/** A row of {@code trade_event}: the local proof that an event's transaction committed. */
public record TradeEventDO(String eventId, String tradeNo, String eventType, String payload, LocalDateTime createdAt) {

    static TradeEventDO of(TradeEventDraft draft, LocalDateTime createdAt) {
        return new TradeEventDO(draft.eventId(), draft.tradeNo(), draft.eventType(), draft.payload(), createdAt);
    }
}
