package io.paysuite.api.pay;

import java.io.Serializable;

/**
 * Pay a trade in full with one payment tool. Idempotent on ({@code tradeNo}, {@code requestNo}):
 * the cashier issues one {@code requestNo} per attempt and resends it unchanged on retry.
 * {@code payPassword} is checked by member-service and never stored or logged here.
 */
public record PayCmd(String tradeNo, String buyerId, PayMethod method, String payPassword, String requestNo, String authCode,
                     String couponId, boolean usePoints, RiskContext risk)
        implements Serializable {

    /** A payment as before risk screening knew its origin: no client IP or device id. */
    public PayCmd(String tradeNo, String buyerId, PayMethod method, String payPassword, String requestNo, String authCode,
                  String couponId, boolean usePoints) {
        this(tradeNo, buyerId, method, payPassword, requestNo, authCode, couponId, usePoints, null);
    }

    /** The same payment with where it comes from (client IP, device id) for the risk rules. */
    public PayCmd withRisk(RiskContext context) {
        return new PayCmd(tradeNo, buyerId, method, payPassword, requestNo, authCode, couponId, usePoints, context);
    }

    /** Never null: {@link RiskContext#NONE} when the caller gave none. */
    public RiskContext riskContext() {
        return risk == null ? RiskContext.NONE : risk;
    }

    /**
     * A payment with one tool ({@code method}), or a combination payment: {@code couponId} (one of the buyer's
     * coupons) and {@code usePoints} (as many points as the rest allows) pay first, {@code method} pays what
     * remains (nothing when the coupon and points cover the whole amount less 0.01, which the method still pays).
     */
    public PayCmd(String tradeNo, String buyerId, PayMethod method, String payPassword, String requestNo, String authCode) {
        this(tradeNo, buyerId, method, payPassword, requestNo, authCode, null, false);
    }

    /** A combination payment is one with a coupon or points. */
    public boolean combination() {
        return couponId != null || usePoints;
    }


    /** A payment without a payment code (balance, QR). */
    public PayCmd(String tradeNo, String buyerId, PayMethod method, String payPassword, String requestNo) {
        this(tradeNo, buyerId, method, payPassword, requestNo, null);
    }

    @Override
    public String toString() {
        return "PayCmd[tradeNo=" + tradeNo + ", buyerId=" + buyerId + ", method=" + method + ", requestNo=" + requestNo
                + (couponId == null ? "" : ", couponId=" + couponId) + (usePoints ? ", usePoints" : "") + "]";
    }
}
