package io.paysuite.trade.order;

import io.paysuite.api.event.EventType;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.kit.mq.EventJson;

/**
 * An event about one trade, to be published together with the state change that causes it
 * (see {@link TradeEvents}).
 *
 * @param eventId   an {@code OrderNo} of kind EVENT carrying the trade's shard gene, so the event
 *                  row lands in the same physical database as the trade and both commit in one
 *                  local transaction; consumers deduplicate on it
 * @param tradeNo   the trade the event is about
 * @param eventType the tag of an {@link EventType} on the trade event topic, e.g. {@code TRADE_CREATED}
 * @param payload   the event body as JSON, as the event row keeps it and the broker carries it
 */
public record TradeEventDraft(String eventId, String tradeNo, String eventType, String payload) {

    static final int MAX_ID_LENGTH = 32;
    static final int MAX_TYPE_LENGTH = 40;

    public TradeEventDraft {
        requireText("eventId", eventId, MAX_ID_LENGTH);
        requireText("tradeNo", tradeNo, MAX_ID_LENGTH);
        requireText("eventType", eventType, MAX_TYPE_LENGTH);
        if (payload == null || payload.isBlank()) {
            throw new IllegalArgumentException("payload is required");
        }
        // Different genes could put the event and the trade in two physical databases, and
        // ShardingSphere's LOCAL transaction commits two databases one after the other: the
        // "commit together" promise would quietly become "usually together".
        if (ShardGene.ofOrderNo(eventId) != ShardGene.ofOrderNo(tradeNo)) {
            throw new IllegalArgumentException("event " + eventId + " does not carry the shard gene of trade " + tradeNo);
        }
    }

    /** The draft of an event of the contracts: its tag, and its payload in the wire's JSON. */
    public static <P> TradeEventDraft of(String eventId, String tradeNo, EventType<P> type, P payload) {
        if (!type.payload().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payload().getSimpleName() + ", not " + payload);
        }
        return new TradeEventDraft(eventId, tradeNo, type.tag(), EventJson.text(payload));
    }

    private static void requireText(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " longer than " + maxLength + ": " + value);
        }
    }
}
