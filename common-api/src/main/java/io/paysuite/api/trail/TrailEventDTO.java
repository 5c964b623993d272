package io.paysuite.api.trail;

import java.io.Serializable;
import java.time.Instant;

/**
 * One step in a trade's trajectory as one service saw it; the ops API merges the steps of every
 * service by time ({@code GET /ops/api/v1/trades/{trade_no}/trail}).
 *
 * @param source    the service that recorded it, e.g. {@code trade-core}
 * @param at        when it happened (the recording service's clock)
 * @param type      what happened, e.g. {@code TRADE_CREATED}, {@code PAY_ORDER_SUCCESS}, {@code JOURNAL_ENTRY}
 * @param reference the record it is about: an event id, a pay order number, an entry number
 * @param detail    a short human-readable summary; never secrets, card numbers or passwords
 * @param traceId   the W3C trace id of the request or message that caused it (the merchant's
 *                  {@code request_id} when it came through the open API), to find its log lines in
 *                  every service; null where the recording service does not keep it
 */
public record TrailEventDTO(String source, Instant at, String type, String reference, String detail, String traceId)
        implements Serializable {

    /** A step whose trace is not kept. */
    public TrailEventDTO(String source, Instant at, String type, String reference, String detail) {
        this(source, at, type, reference, detail, null);
    }
}
