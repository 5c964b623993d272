package io.paysuite.trade.order;

import java.time.Instant;

/**
 * A trade event as committed in {@code trade_event}: what happened, when, its JSON payload, and the
 * trace id of the request or message that committed it (null for events committed before it was kept).
 */
public record RecordedTradeEvent(String eventId, String eventType, String payload, Instant createdAt, String traceId) {

    public RecordedTradeEvent(String eventId, String eventType, String payload, Instant createdAt) {
        this(eventId, eventType, payload, createdAt, null);
    }
}
