package io.paysuite.api.error;

/**
 * Stable error codes. The string code crosses every boundary (Dubbo results, the open API, logs);
 * the HTTP status is what the open API answers when the code reaches a merchant.
 * Codes are never renamed: merchants switch on them.
 */
public enum ErrorCode {
    PARAM_ERROR(400),
    INVALID_JSON(400),
    SIGN_ERROR(401),
    TIMESTAMP_EXPIRED(401),
    NONCE_REUSED(401),
    APP_NOT_FOUND(401),
    TRADE_NOT_FOUND(404),
    REFUND_NOT_FOUND(404),
    OUT_TRADE_NO_USED(409),
    TRADE_CLOSED(409),
    TRADE_PAID(409),
    TRADE_PAYING(409),
    REFUND_AMOUNT_EXCEEDED(409),
    OUT_REFUND_NO_USED(409),
    INSUFFICIENT_BALANCE(409),
    /** The channel definitely refused the charge (nothing was taken from the buyer). */
    CHANNEL_DECLINED(409),
    TRADE_NOT_CONFIRMABLE(409),
    TRADE_EXPIRED(409),
    PAY_ORDER_NOT_FOUND(404),
    REQUEST_NO_USED(409),
    CURRENCY_NOT_SUPPORTED(400),
    BUYER_NOT_FOUND(404),
    /** No active bound card by that id for that buyer (another buyer's card reads the same). */
    CARD_NOT_FOUND(404),
    BUYER_MISMATCH(403),
    MERCHANT_NOT_FOUND(404),
    PHONE_USED(409),
    LOGIN_FAILED(401),
    PAY_PASSWORD_WRONG(403),
    PAY_PASSWORD_LOCKED(423),
    POSTING_UNBALANCED(400),
    POSTING_KEY_USED(409),
    ACCOUNT_NOT_FOUND(404),
    POSTING_NOT_FOUND(404),
    PAYOUT_NOT_FOUND(404),
    /** No settlement by that number for that merchant (another merchant's reads the same). */
    SETTLEMENT_NOT_FOUND(404),
    BODY_TOO_LARGE(413),
    RATE_LIMITED(429),
    /** An internal Dubbo caller that may not call a money-moving method, or cannot prove it is who it says. */
    CALLER_NOT_ALLOWED(403),
    RECONCILIATION_NOT_FOUND(404),
    DIFFERENCE_NOT_FOUND(404),
    DIFFERENCE_RESOLVED(409),
    /** A pre-authorisation operation on a trade that is not {@code AUTHORIZED} (not paid yet, or not a {@code PREAUTH} trade). */
    TRADE_NOT_AUTHORIZED(409),
    TRADE_CAPTURED(409),
    TRADE_VOIDED(409),
    CAPTURE_AMOUNT_EXCEEDED(409),
    PROFIT_SHARING_AMOUNT_EXCEEDED(409),
    OUT_ORDER_NO_USED(409),
    PROFIT_SHARING_NOT_FOUND(404),
    /** The payment was refused by risk rules; nothing moved. */
    RISK_REJECTED(403),
    /**
     * The risk rules want this balance or bound-card payment confirmed again: the buyer enters the payment
     * password once more and the cashier resubmits it naming the refused attempt ({@code PayCmd.stepUpOf}).
     * Nothing moved. Only the cashier sees it; the open API's payments (payment codes) have no buyer to ask
     * and are refused {@link #RISK_REJECTED} instead.
     */
    RISK_STEP_UP_REQUIRED(403),
    COUPON_TEMPLATE_NOT_FOUND(404),
    /** No coupon by that id for that buyer (another buyer's coupon reads the same). */
    COUPON_NOT_FOUND(404),
    /** The coupon exists but cannot pay this trade: used, frozen by another payment, expired, below its minimum spend, or for another merchant. */
    COUPON_NOT_USABLE(409),
    POINTS_INSUFFICIENT(409),
    TRANSFER_LIMIT_EXCEEDED(409),
    /** Profit sharing of a trade that is not paid, already settled, or whose rest was unfrozen. */
    PROFIT_SHARING_NOT_ALLOWED(409),
    /** Ops console: no operator by that login name. */
    OPERATOR_NOT_FOUND(404),
    /** Ops console: an operator with that login name exists already. */
    OPERATOR_EXISTS(409),
    /** Ops console: the rule document changed since it was read; read it again and re-apply the edit. */
    RULES_VERSION_CONFLICT(409),
    /** A request marked as load traffic where load tests are switched off: refused, never run as real traffic. */
    LOAD_TEST_NOT_ALLOWED(403),
    /** Load traffic asked a channel whose endpoint is not a sandbox: refused before anything was sent. */
    LOAD_TEST_CHANNEL_REFUSED(409),
    SYSTEM_ERROR(500),
    SERVICE_DEGRADED(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public String code() {
        return name();
    }

    public int httpStatus() {
        return httpStatus;
    }

    /**
     * A code as another service answered it, as this build knows it; a code this build lacks (a service
     * deployed ahead of this one) or no code at all reads {@code SYSTEM_ERROR}, whose meaning — "query
     * before retrying" — is never wrong, whatever the callee did.
     */
    public static ErrorCode fromWire(String code) {
        if (code != null) {
            for (ErrorCode known : values()) {
                if (known.code().equals(code)) {
                    return known;
                }
            }
        }
        return SYSTEM_ERROR;
    }
}
