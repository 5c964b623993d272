package io.paysuite.trade.infra.event;

import io.paysuite.kit.mq.MessageProducer;
import io.paysuite.kit.mq.MessageSender;
import io.paysuite.kit.mq.RocketMqAdapter;
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
 * The janitor's backstop for trade events committed but never marked published, published again from
 * {@code trade_event}: the slow sweep ({@code paysuite.trade.janitor.event-age}, 15 min) that stays whatever the
 * delivery mode.
 *
 * <p>Outbox delivery (the default, {@link TradeEventsProperties.Delivery}): each instance's {@link EventRelay}
 * sends such events within seconds, so this sweep normally finds nothing; it is kept because it is the one that
 * also serves transactional delivery, costs one indexed read a minute, and still delivers should an instance's
 * relay stop. Transactional delivery: the broker discards a half message after 15 check-backs (about 7.5 min);
 * if the producer died between its local commit and the broker's and the database answered none of them, the
 * committed event would never be delivered but for this sweep.
 *
 * <p>Either way it sends the event as the same message (topic, tag, keys, {@code eventId}, body), plainly — the
 * row committed long ago, there is nothing left to decide — and marks it once the broker stored it. Delivery
 * stays at least once: a mark lost after a send, or two instances sweeping at once, sends an event twice, and
 * every consumer deduplicates. Nothing is ever marked before the broker has it, so nothing is lost. Real side
 * only, like every janitor (docs/adr/0010-shadow-traffic.md, decision 4); the relay sweeps both.
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
        sender.send(RocketMqTradeEvents.toMessage(row.draft(), topic));
        mapper.markPublished(eventId, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        log.warn("event {} {} of trade {} was never marked published; published again from trade_event",
                row.eventType(), eventId, row.tradeNo());
    }
}
