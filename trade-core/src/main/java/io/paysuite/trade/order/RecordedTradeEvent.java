package io.paysuite.trade.order;

import java.time.Instant;

/** A trade event as committed in {@code trade_event}: what happened, when, and its JSON payload. */
public record RecordedTradeEvent(String eventId, String eventType, String payload, Instant createdAt) {
}
