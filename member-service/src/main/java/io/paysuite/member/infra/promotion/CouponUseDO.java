package io.paysuite.member.infra.promotion;

import java.time.LocalDateTime;

/** A row of table {@code coupon_use}. */
public class CouponUseDO {
    public Long id;
    public Long couponId;
    public String useKey;
    public String tradeNo;
    public long discountMinor;
    public String currency;
    public String status;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}
