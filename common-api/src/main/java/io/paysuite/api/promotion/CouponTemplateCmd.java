package io.paysuite.api.promotion;

import io.paysuite.api.money.Money;

import java.io.Serializable;
import java.time.Instant;

/**
 * Create a coupon template (operators). Idempotent on {@code requestNo}: a repeat with the same content
 * answers the first template, different content answers {@code REQUEST_NO_USED}.
 *
 * @param amount     the discount of a {@code FIXED_AMOUNT} coupon; null for {@code PERCENTAGE}
 * @param percentOff 1–99 for {@code PERCENTAGE}; null for {@code FIXED_AMOUNT}
 * @param cap        the most a {@code PERCENTAGE} coupon takes off; null: no cap
 * @param minSpend   the least order amount the coupon applies to; null or zero: any
 * @param merchantId the one merchant the coupon is usable at; null: every merchant
 */
public record CouponTemplateCmd(
        String requestNo,
        String name,
        CouponKind kind,
        Money amount,
        Integer percentOff,
        Money cap,
        Money minSpend,
        Instant validFrom,
        Instant validUntil,
        FundedBy fundedBy,
        String merchantId) implements Serializable {
}
