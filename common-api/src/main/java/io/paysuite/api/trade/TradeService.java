package io.paysuite.api.trade;

import io.paysuite.api.common.Result;

/**
 * Trades over Dubbo (provider: trade-core). Every method answers a {@link Result}; error codes are
 * {@link io.paysuite.api.error.ErrorCode} names.
 */
public interface TradeService {

    /**
     * Create a trade in {@code WAIT_PAY}. Idempotent on ({@code merchantId}, {@code outTradeNo}):
     * a repeat with the same content answers the first trade; the same key with different content
     * answers {@code OUT_TRADE_NO_USED}. Bad input answers {@code PARAM_ERROR} naming the field and
     * writes nothing.
     */
    Result<TradeDTO> create(CreateTradeCmd cmd);

    /** The trade with this number, or {@code TRADE_NOT_FOUND}. Read-only. */
    Result<TradeDTO> get(TradeByNoQry qry);

    /** The trade with this merchant order number, or {@code TRADE_NOT_FOUND}. Read-only. */
    Result<TradeDTO> getByOutTradeNo(TradeByOutTradeNoQry qry);
}
