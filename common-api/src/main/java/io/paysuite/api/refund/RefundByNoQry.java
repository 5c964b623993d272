package io.paysuite.api.refund;

import java.io.Serializable;

/** Find a refund by number; {@code merchantId} null means an internal caller. */
public record RefundByNoQry(String refundNo, String merchantId) implements Serializable {
}
