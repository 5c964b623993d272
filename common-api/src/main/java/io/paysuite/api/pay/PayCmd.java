package io.paysuite.api.pay;

import java.io.Serializable;

/**
 * Pay a trade in full with one payment tool. Idempotent on ({@code tradeNo}, {@code requestNo}):
 * the cashier issues one {@code requestNo} per attempt and resends it unchanged on retry.
 * {@code payPassword} is checked by member-service and never stored or logged here.
 */
public record PayCmd(String tradeNo, String buyerId, PayMethod method, String payPassword, String requestNo)
        implements Serializable {

    @Override
    public String toString() {
        return "PayCmd[tradeNo=" + tradeNo + ", buyerId=" + buyerId + ", method=" + method + ", requestNo=" + requestNo + "]";
    }
}
