package io.paysuite.member.infra.promotion;

import java.time.LocalDateTime;

/** A row of table {@code coupon_template}; {@link CouponDO} repeats its terms columns (copied at issue). */
public class CouponTemplateDO {
    public Long id;
    public String requestNo;
    public String name;
    public String kind;
    public Long amountMinor;
    public Integer percentOff;
    public Long capMinor;
    public long minSpendMinor;
    public String currency;
    public LocalDateTime validFrom;
    public LocalDateTime validUntil;
    public String fundedBy;
    public String merchantId;
    public LocalDateTime createdAt;
}
