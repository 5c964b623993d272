package io.paysuite.trade.trade;

import java.util.Optional;

/** Trades by trade number. Implemented in {@code infra} over the sharded {@code trade_order} tables. */
public interface TradeRepository {

    /**
     * Insert a new trade into the table its number routes to.
     *
     * @return false when a trade with this number already exists (nothing written)
     */
    boolean insert(Trade trade);

    /** Reads exactly one physical table: the one the number's gene names. */
    Optional<Trade> find(String tradeNo);
}
