package io.paysuite.api.crosscheck;

/**
 * What internal reconciliation found two of a trade's records disagreeing about: the trade
 * (trade-core), its pay orders (pay-core), their channel orders (channel-gateway), its refunds
 * (trade-core) and its journal entries (accounting-service).
 */
public enum DisagreementKind {
    /** Journal entries under a trade number no trade has. */
    TRADE_MISSING,
    /** A paid trade (SUCCESS or FINISHED) without a PAYMENT entry. */
    PAYMENT_MISSING,
    /** More than one PAYMENT entry for one trade: the buyer paid twice in the books. */
    PAYMENT_DUPLICATED,
    /** The PAYMENT entry's amount, or its pay order, is not the trade's paid amount or successful pay order. */
    PAYMENT_AMOUNT,
    /** A PAYMENT entry on a trade that is not paid (waiting, paying past the grace period, closed). */
    PAYMENT_NOT_PAID,
    /** A paid trade without a SUCCESS pay order. */
    PAY_ORDER_MISSING,
    /** More than one SUCCESS pay order for one trade. */
    PAY_ORDER_DUPLICATED,
    /** A SUCCESS pay order of a trade that is not paid. */
    PAY_ORDER_NOT_PAID,
    /** The SUCCESS pay order's amount is not the trade's paid amount. */
    PAY_ORDER_AMOUNT,
    /** A SUCCESS pay order through a channel whose channel order is missing, not SUCCESS, or of another amount. */
    CHANNEL_ORDER_MISMATCH,
    /** A SUCCESS refund without its REFUND entry (or with its entry reversed). */
    REFUND_ENTRY_MISSING,
    /** A REFUND entry whose amount is not the refund's. */
    REFUND_AMOUNT,
    /** A REFUND entry, not reversed, of a refund that failed or does not exist. */
    REFUND_NOT_REFUNDED,
    /** The ledger refunded more for the trade than the trade says it refunded. */
    REFUND_EXCESS,
    /** A FINISHED guarantee trade whose escrow still holds money, or was released twice. */
    ESCROW_NOT_RELEASED,
    /** A RELEASE entry on a trade that is not FINISHED. */
    RELEASE_NOT_FINISHED,
    /** An entry under the trade's number that is none of the trade's own postings. */
    UNEXPECTED_ENTRY
}
