package io.paysuite.api.pay;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;
import io.paysuite.api.trail.TrailEventDTO;
import java.util.List;

/** Pay orders over Dubbo (provider: pay-core). */
public interface PayService {

    /**
     * Open a pay order in {@code CREATED}. Idempotent on ({@code tradeNo}, {@code requestNo}): a
     * repeat with the same content answers the first pay order; the same key with different
     * content answers {@code REQUEST_NO_USED}. Bad input answers {@code PARAM_ERROR}.
     */
    Result<PayOrderDTO> open(OpenPayOrderCmd cmd);

    /**
     * Pay a trade: check the buyer and the payment password, take the trade for this attempt
     * ({@code WAIT_PAY → PAYING}), run the payment tool and finish the pay order by
     * compare-and-set with its {@code PAY_SUCCEEDED} event. Idempotent on ({@code tradeNo},
     * {@code requestNo}): a repeat answers the attempt's pay order as it stands. Answers the pay
     * order {@code SUCCESS}, or {@code PROCESSING} when the outcome is not known yet (recovery
     * finishes it; never retry with a new {@code requestNo} meanwhile). Refusals change nothing:
     * {@code PARAM_ERROR}, {@code TRADE_NOT_FOUND}, {@code TRADE_CLOSED}, {@code TRADE_PAID},
     * {@code TRADE_PAYING}, {@code BUYER_NOT_FOUND}, {@code BUYER_MISMATCH},
     * {@code PAY_PASSWORD_WRONG}, {@code PAY_PASSWORD_LOCKED}, {@code INSUFFICIENT_BALANCE}
     * (the pay order ends {@code FAILED} and the trade waits for payment again).
     */
    Result<PayOrderDTO> pay(PayCmd cmd);

    /** The pay order with this number, or {@code PAY_ORDER_NOT_FOUND}. Read-only. */
    @ReadOnly
    Result<PayOrderDTO> get(String payOrderNo);

    /**
     * The pay orders of a trade as trail steps (opened, and finished when they are), oldest first;
     * an empty list when the trade has none. Read-only; reads the trade's shard only.
     */
    @ReadOnly
    Result<List<TrailEventDTO>> trail(String tradeNo);

    /**
     * Every pay order of these trades, as {@link #get} answers each: by trade in the order asked, each
     * trade's oldest first (the order of {@link #trail}'s openings). A trade without pay orders (or a
     * number that cannot be a trade's) simply has none in the answer. At most
     * {@link PayOrdersOfTradesQry#MAX_TRADES} trade numbers, else {@code PARAM_ERROR}. Read-only; one
     * statement per shard the trade numbers' genes name, never one per trade.
     */
    @ReadOnly
    Result<List<PayOrderDTO>> ofTrades(PayOrdersOfTradesQry qry);

    /**
     * Pay orders opened since {@code since} (at most one day back), counted per minute, method, channel and status,
     * oldest minute first: the ops console's payments per minute. Read-only; reads every shard's
     * {@code idx_status_created} range. {@code PARAM_ERROR} for a start more than a day back or in the future.
     */
    @ReadOnly
    Result<List<PayMinuteCountDTO>> minuteCounts(java.time.Instant since);

    /**
     * Give back the coupon and points of a combination payment whose trade was refunded in full
     * (docs/adr/0008, "Refunds"), after its cash was returned: runs pay-core's refund Saga
     * (statelang/combination-refund.json: points, then coupon), each give-back keyed by the pay order
     * number, so a repeat — the refund's retries, the coordinator's recovery — gives back once. Answers the
     * pay order once both are back (or had nothing to give back); an error when an answer is not known
     * yet (call again). Only trade-core's refund completion calls it. {@code PAY_ORDER_NOT_FOUND};
     * {@code PARAM_ERROR} for a pay order that is not {@code SUCCESS}.
     *
     * @param refundNo the refund that returned the whole trade (recorded in the Saga's log and pay-core's log)
     */
    Result<PayOrderDTO> giveBackParts(String payOrderNo, String refundNo);
}
