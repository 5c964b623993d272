package io.paysuite.api.promotion;

import java.io.Serializable;

/** Issue one coupon of a template to a buyer. Idempotent on {@code requestNo}: a repeat answers the same coupon. */
public record IssueCouponCmd(String templateId, String buyerId, String requestNo) implements Serializable {
}
