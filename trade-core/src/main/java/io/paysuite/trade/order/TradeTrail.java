package io.paysuite.trade.order;

import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trail.TrailEventDTO;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * trade-core's part of a trade's trail for operators: the trade's own events, in the order they
 * were committed. The trade is read first so that an unknown number answers {@code TRADE_NOT_FOUND}
 * rather than an empty trail (every trade has at least {@code TRADE_CREATED}).
 */
@Component
public class TradeTrail {

    static final String SOURCE = "trade-core";

    private final TradeFinder finder;
    private final TradeEventLog events;

    public TradeTrail(TradeFinder finder, TradeEventLog events) {
        this.finder = finder;
        this.events = events;
    }

    public List<TrailEventDTO> trail(String tradeNo) {
        Trade trade = finder.trade(TradeByNoQry.internal(tradeNo));
        return events.eventsOf(trade.tradeNo()).stream()
                .map(event -> new TrailEventDTO(SOURCE, event.createdAt(), event.eventType(), event.eventId(),
                        TrailDetail.of(event.payload()), event.traceId()))
                .toList();
    }
}
