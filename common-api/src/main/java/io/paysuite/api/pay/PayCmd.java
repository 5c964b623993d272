package io.paysuite.api.pay;

import java.io.Serializable;

/**
 * Pay a trade in full with one payment tool. Idempotent on ({@code tradeNo}, {@code requestNo}):
 * the cashier issues one {@code requestNo} per attempt and resends it unchanged on retry.
 * {@code payPassword} is checked by member-service and never stored or logged here.
 *
 * <p>{@code stepUpOf}: null, or the {@code requestNo} of an earlier attempt of this trade that pay-core's risk
 * rules refused with {@code RISK_STEP_UP_REQUIRED}; it says that {@code payPassword} was entered again because
 * that refusal asked for it. pay-core lets a REVIEW decision through only on such a request, and only when it
 * did ask that attempt of this trade, this buyer and this method to step up — a flag the buyer's first
 * submission carried would name no refused attempt and be refused like any first attempt.
 */
public record PayCmd(String tradeNo, String buyerId, PayMethod method, String payPassword, String requestNo, String authCode,
                     String couponId, boolean usePoints, RiskContext risk, String stepUpOf)
        implements Serializable {

    /** A payment that is not a step-up confirmation. */
    public PayCmd(String tradeNo, String buyerId, PayMethod method, String payPassword, String requestNo, String authCode,
                  String couponId, boolean usePoints, RiskContext risk) {
        this(tradeNo, buyerId, method, payPassword, requestNo, authCode, couponId, usePoints, risk, null);
    }

    /** A payment as before risk screening knew its origin: no client IP or device id. */
    public PayCmd(String tradeNo, String buyerId, PayMethod method, String payPassword, String requestNo, String authCode,
                  String couponId, boolean usePoints) {
        this(tradeNo, buyerId, method, payPassword, requestNo, authCode, couponId, usePoints, null);
    }

    /** The same payment with where it comes from (client IP, device id) for the risk rules. */
    public PayCmd withRisk(RiskContext context) {
        return new PayCmd(tradeNo, buyerId, method, payPassword, requestNo, authCode, couponId, usePoints, context, stepUpOf);
    }

    /** The same payment as the step-up confirmation of the refused attempt {@code refusedRequestNo}. */
    public PayCmd withStepUpOf(String refusedRequestNo) {
        return new PayCmd(tradeNo, buyerId, method, payPassword, requestNo, authCode, couponId, usePoints, risk, refusedRequestNo);
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
                + (couponId == null ? "" : ", couponId=" + couponId) + (usePoints ? ", usePoints" : "")
                + (stepUpOf == null ? "" : ", stepUpOf=" + stepUpOf) + "]";
    }
}
