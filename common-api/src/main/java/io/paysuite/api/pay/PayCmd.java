package io.paysuite.api.pay;

import java.io.Serializable;

/**
 * Pay a trade in full with one payment tool. Idempotent on ({@code tradeNo}, {@code requestNo}):
 * the cashier issues one {@code requestNo} per attempt and resends it unchanged on retry.
 * {@code payPassword} is checked by member-service and never stored or logged here.
 */
public record PayCmd(String tradeNo, String buyerId, PayMethod method, String payPassword, String requestNo, String authCode)
        implements Serializable {

    /** A payment without a payment code (balance, QR). */
    public PayCmd(String tradeNo, String buyerId, PayMethod method, String payPassword, String requestNo) {
        this(tradeNo, buyerId, method, payPassword, requestNo, null);
    }

    @Override
    public String toString() {
        return "PayCmd[tradeNo=" + tradeNo + ", buyerId=" + buyerId + ", method=" + method + ", requestNo=" + requestNo + "]";
    }
}
