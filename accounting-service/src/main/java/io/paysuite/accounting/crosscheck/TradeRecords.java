package io.paysuite.accounting.crosscheck;

import java.util.Set;

/** What the services say about one trade now ({@link TradeSidesReader} asks them). */
public interface TradeRecords {

    /** @param refundNos refunds to look at beyond those the ledger posted for the trade */
    TradeSides read(String tradeNo, Set<String> refundNos);
}
