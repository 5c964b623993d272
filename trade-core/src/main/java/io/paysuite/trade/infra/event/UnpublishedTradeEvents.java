package io.paysuite.trade.infra.event;

import io.paysuite.kit.mq.MessageProducer;
import io.paysuite.kit.mq.MessageSender;
import io.paysuite.kit.mq.RocketMqAdapter;
import io.paysuite.trade.order.TradeEventDraft;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Trade events whose transactional message the broker may have dropped, published again from
 * {@code trade_event}. The broker discards a half message after 15 check-backs (about 7.5 min); if
 * the producer died between its local commit and the broker's and the database answered none of
 * them, the committed event would never be delivered. Every event is marked published when the broker
 * takes its commit (the producer's answer, or a check-back answered COMMIT); the janitor sends the
 * ones still unmarked after longer than the broker's check budget as the same message (topic, tag,
 * keys, {@code eventId}, body), plainly — the row committed long ago, there is nothing left to decide —
 * and marks them once the broker stored it.
 *
 * <p>Delivery stays at least once: a mark lost after a send, or two instances sweeping at once,
 * sends an event twice, and every consumer deduplicates on {@code eventId}. Nothing is ever marked
 * before the broker has it, so nothing is lost.
 */
@Component
public class UnpublishedTradeEvents extends RocketMqAdapter {

    private static final Logger log = LoggerFactory.getLogger(UnpublishedTradeEvents.class);

    private final TradeEventMapper mapper;
    private final MessageSender sender;
    private final String topic;
    private final Clock clock;

    @Autowired
    public UnpublishedTradeEvents(TradeEventMapper mapper, TradeEventsProperties properties) {
        super(SmartLifecycle.DEFAULT_PHASE);
        this.mapper = mapper;
        this.sender = runs(new MessageProducer("paysuite-trade-republish", properties.namesrv(), properties.sendTimeout()));
        this.topic = properties.topic();
        this.clock = Clock.systemUTC();
    }

    UnpublishedTradeEvents(TradeEventMapper mapper, MessageSender sender, String topic, Clock clock) {
        super(SmartLifecycle.DEFAULT_PHASE);
        this.mapper = mapper;
        this.sender = sender;
        this.topic = topic;
        this.clock = clock;
    }

    /** Event ids committed before {@code before} and never marked published, oldest first. */
    public List<String> inFlightSince(Instant before, int limit) {
        return mapper.findUnpublished(LocalDateTime.ofInstant(before, ZoneOffset.UTC), limit);
    }

    /** Sends the event again as it was first sent, then marks it; throws when the broker did not store it. */
    public void republish(String eventId) {
        TradeEventDO row = mapper.findByEventId(eventId);
        if (row == null) {
            return;
        }
        sender.send(RocketMqTradeEvents.toMessage(new TradeEventDraft(row.eventId(), row.tradeNo(), row.eventType(),
                row.payload()), topic));
        mapper.markPublished(eventId, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        log.warn("event {} {} of trade {} was never confirmed at the broker; published again from trade_event",
                row.eventType(), eventId, row.tradeNo());
    }
}
