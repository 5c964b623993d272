package io.paysuite.sandbox.unionpay;

import java.time.Instant;

/**
 * One transaction (a consume or a refund) as the sandbox's UnionPay knows it, identified by merId + orderId + txnTime.
 * Guarded by its own monitor: callers synchronize on it.
 */
final class UnionPayOrder {

    enum State { PROCESSING, SUCCESS, FAILED }

    final String orderId;
    final String txnTime;
    /** {@code 01} consume, {@code 04} refund, {@code 02} pre-auth, {@code 03} its completion, {@code 32} its cancel. */
    final String txnType;
    final long amountFen;
    /** The bound card's token (consumes and pre-auths only). */
    final String token;
    final String backUrl;
    /** UnionPay's number for the transaction, 21 digits; given at acceptance, shown by query and notification. */
    final String queryId;
    /** The consume a refund returns money of; the pre-auth a completion or cancel ends. */
    final String origQryId;
    final Instant acceptedAt;

    State state = State.PROCESSING;
    /** The transaction's own result (the query's {@code origRespCode}); null while processing. */
    String respCode;
    String respMsg;
    Instant settledAt;
    /**
     * Consumes: refunds accepted against it (reserved at acceptance so two refunds cannot both take the rest).
     * Pre-auths: its whole amount once a completion or cancel was accepted (nothing may end it again).
     */
    long refundedFen;

    UnionPayOrder(String orderId, String txnTime, String txnType, long amountFen, String token, String backUrl, String queryId,
                  String origQryId, Instant acceptedAt) {
        this.orderId = orderId;
        this.txnTime = txnTime;
        this.txnType = txnType;
        this.amountFen = amountFen;
        this.token = token;
        this.backUrl = backUrl;
        this.queryId = queryId;
        this.origQryId = origQryId;
        this.acceptedAt = acceptedAt;
    }

    String key() {
        return key(orderId, txnTime);
    }

    static String key(String orderId, String txnTime) {
        return orderId + "/" + txnTime;
    }
}
