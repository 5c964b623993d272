package io.paysuite.api.promotion;

import io.paysuite.api.money.Money;

import java.io.Serializable;
import java.time.Instant;

/** A coupon template as operators see it (see {@link CouponTemplateCmd} for the fields). */
public record CouponTemplateDTO(
        String templateId,
        String name,
        CouponKind kind,
        Money amount,
        Integer percentOff,
        Money cap,
        Money minSpend,
        Instant validFrom,
        Instant validUntil,
        FundedBy fundedBy,
        String merchantId,
        Instant createdAt) implements Serializable {
}
