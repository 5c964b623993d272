package io.paysuite.trade.order;

import java.util.List;

/** The committed events of a trade (port; {@code infra.event} reads them from {@code trade_event}). */
public interface TradeEventLog {

    /**
     * Every event of the trade in commit order ({@code created_at}, then event id); reads the
     * trade's physical database only.
     */
    List<RecordedTradeEvent> eventsOf(String tradeNo);
}
