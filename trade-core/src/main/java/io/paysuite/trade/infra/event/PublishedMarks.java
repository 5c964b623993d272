package io.paysuite.trade.infra.event;

import io.paysuite.kit.mq.BatchedMarks;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The "the broker took it" marks of trade events ({@code trade_event.published_at}), batched by the kit's
 * {@link BatchedMarks}: one {@code UPDATE … WHERE event_id IN (…)} per database instead of one after every event
 * (ShardingSphere routes the list by the genes in the ids), each mark on the side (real or load traffic) its event
 * was. A mark lost in a crash or a failed write means only that the event is sent once more — by the
 * {@link EventRelay} seconds later (outbox), or by the janitor ({@link UnpublishedTradeEvents}) 15 minutes on;
 * consumers deduplicate on its id.
 */
final class PublishedMarks extends BatchedMarks {

    PublishedMarks(TradeEventMapper mapper, Clock clock, Duration delay) {
        super("trade-event-marks", clock, delay,
                (eventIds, at) -> mapper.markAllPublished(eventIds, LocalDateTime.ofInstant(at, ZoneOffset.UTC)),
                "those events are sent again");
    }
}
