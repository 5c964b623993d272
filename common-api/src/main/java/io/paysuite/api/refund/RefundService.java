package io.paysuite.api.refund;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;

/** Refunds of paid trades over Dubbo (provider: trade-core). */
public interface RefundService {

    /**
     * Refund part or all of a paid trade. Idempotent on ({@code merchantId}, {@code outRefundNo}):
     * a repeat with the same content answers the first refund; other content answers
     * {@code OUT_REFUND_NO_USED}. The refunds of a trade never sum to more than it was paid
     * ({@code REFUND_AMOUNT_EXCEEDED}, also under concurrent requests). Answers the refund
     * {@code SUCCESS}, or {@code PROCESSING} while its outcome is not known (recovery finishes
     * it). A trade not paid answers {@code TRADE_NOT_FOUND} (unknown or another merchant's),
     * {@code TRADE_CLOSED}, or {@code TRADE_PAYING}/{@code PARAM_ERROR} for one waiting for payment.
     */
    Result<RefundDTO> refund(CreateRefundCmd cmd);

    /** The refund with this number (of this merchant, when given), or {@code REFUND_NOT_FOUND}. */
    @ReadOnly
    Result<RefundDTO> get(RefundByNoQry qry);

    /**
     * The refunds with these numbers, as {@link #get} answers each for an internal caller, in no
     * particular order: a number without a refund (or one that cannot be a refund number) is simply
     * not in the answer — that is the definite "not found" — and each refund is in it once. At most
     * {@link RefundsByNoQry#MAX_REFUNDS} numbers, else {@code PARAM_ERROR}. Read-only; one statement
     * per shard the numbers' genes name, never one per refund.
     */
    @ReadOnly
    Result<java.util.List<RefundDTO>> getAll(RefundsByNoQry qry);

    /** The refund with this merchant refund number, or {@code REFUND_NOT_FOUND}. */
    @ReadOnly
    Result<RefundDTO> getByOutRefundNo(RefundByOutRefundNoQry qry);

    /**
     * Refunds per minute since {@code since} (at most a day back, else {@code PARAM_ERROR}) by their status now, for the
     * ops dashboard. Read-only.
     */
    @ReadOnly
    Result<java.util.List<RefundMinuteCountDTO>> minuteCounts(java.time.Instant since);
}
