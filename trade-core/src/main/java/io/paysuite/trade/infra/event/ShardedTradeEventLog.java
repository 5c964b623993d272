package io.paysuite.trade.infra.event;

import io.paysuite.trade.order.RecordedTradeEvent;
import io.paysuite.trade.order.TradeEventLog;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Repository;

/** {@link TradeEventLog} over {@code trade_event}; {@code trade_no} routes to the trade's database. */
@Repository
public class ShardedTradeEventLog implements TradeEventLog {

    private final TradeEventMapper mapper;

    public ShardedTradeEventLog(TradeEventMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<RecordedTradeEvent> eventsOf(String tradeNo) {
        return mapper.findByTradeNo(tradeNo).stream()
                .map(row -> new RecordedTradeEvent(row.eventId(), row.eventType(), row.payload(),
                        row.createdAt().toInstant(ZoneOffset.UTC), row.traceId()))
                .toList();
    }
}
