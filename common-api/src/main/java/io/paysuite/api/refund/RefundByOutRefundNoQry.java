package io.paysuite.api.refund;

import java.io.Serializable;

/** Find a refund by the merchant's refund number. */
public record RefundByOutRefundNoQry(String merchantId, String outRefundNo) implements Serializable {
}
