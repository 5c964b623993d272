package io.paysuite.accounting.crosscheck;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** What the services say about trades now ({@link TradeSidesReader} asks them). */
public interface TradeRecords {

    /** @param refundNos refunds to look at beyond those the ledger posted for the trade */
    TradeSides read(String tradeNo, Set<String> refundNos);

    /**
     * Reads several trades for one round of checks. A trade whose read fails is left out of the
     * answer and handed to {@code notRead}; the others are still read. This default reads them one by
     * one; {@link TradeSidesReader} reads the whole round with one call per service and the journal in one go.
     *
     * @param refundNosByTrade each trade to read, with the refunds to look at beyond those the ledger posted
     */
    default Map<String, TradeSides> readAll(Map<String, Set<String>> refundNosByTrade, BiConsumer<String, RuntimeException> notRead) {
        Map<String, TradeSides> read = new LinkedHashMap<>();
        refundNosByTrade.forEach((tradeNo, refundNos) -> {
            try {
                read.put(tradeNo, read(tradeNo, refundNos));
            } catch (RuntimeException e) {
                notRead.accept(tradeNo, e);
            }
        });
        return read;
    }
}
