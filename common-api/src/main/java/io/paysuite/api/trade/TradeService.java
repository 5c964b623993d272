package io.paysuite.api.trade;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;
import io.paysuite.api.trail.TrailEventDTO;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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

    /**
     * Close a trade that waits for payment. Idempotent on {@code tradeNo}: closing a closed trade
     * answers it again. A trade being paid answers {@code TRADE_PAYING}, a paid one
     * {@code TRADE_PAID}; the change and its {@code TRADE_CLOSED} event commit together.
     */
    Result<TradeDTO> close(CloseTradeCmd cmd);

    /**
     * Confirm a paid guarantee trade ({@code SUCCESS → FINISHED}) and release what is held in
     * escrow, less refunds, to the merchant, fee taken. Idempotent on {@code tradeNo}: confirming
     * a finished trade answers it again. An instant trade answers {@code TRADE_NOT_CONFIRMABLE};
     * an unpaid one {@code TRADE_NOT_CONFIRMABLE} too (nothing is held); a closed one
     * {@code TRADE_CLOSED}.
     */
    Result<TradeDTO> confirm(ConfirmTradeCmd cmd);

    /** The trade with this number, or {@code TRADE_NOT_FOUND}. Read-only. */
    @ReadOnly
    Result<TradeDTO> get(TradeByNoQry qry);

    /**
     * The trades with these numbers, as {@link #get} answers each for an internal caller, in no
     * particular order: a number without a trade (or one that cannot be a trade number) is simply not
     * in the answer — that is the definite "not found" — and each trade is in it once. At most
     * {@link TradesByNoQry#MAX_TRADES} numbers, else {@code PARAM_ERROR}. Read-only; one statement
     * per shard the numbers' genes name, never one per trade.
     */
    @ReadOnly
    Result<List<TradeDTO>> getAll(TradesByNoQry qry);

    /** The trade with this merchant order number, or {@code TRADE_NOT_FOUND}. Read-only. */
    @ReadOnly
    Result<TradeDTO> getByOutTradeNo(TradeByOutTradeNoQry qry);

    /**
     * The trade's own events in the order they were committed ({@code TRADE_CREATED},
     * {@code TRADE_PAYING}, …, {@code REFUND_SUCCEEDED}), for operators; {@code TRADE_NOT_FOUND}
     * when there is no such trade. Read-only; reads the trade's shard only.
     */
    @ReadOnly
    Result<List<TrailEventDTO>> trail(String tradeNo);

    /**
     * The trade once it is no longer {@code PAYING}, or as it stands after at most
     * {@code patienceMillis} (trade-core may answer sooner than a long patience, still
     * {@code PAYING}: the caller asks again). Waits server-side without holding a thread: the change
     * that moves the trade answers it, so the caller need not read the trade again and again.
     * {@code TRADE_NOT_FOUND} as {@link #get}. Read-only.
     */
    @ReadOnly
    CompletableFuture<Result<TradeDTO>> settled(TradeByNoQry qry, long patienceMillis);
}
