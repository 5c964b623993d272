package io.paysuite.member.infra.promotion;

import java.time.LocalDateTime;

/** A row of table {@code coupon}: the template's terms columns plus the buyer, status and holder. */
public class CouponDO extends CouponTemplateDO {
    public Long templateId;
    public String buyerId;
    public String status;
    public String useKey;
    public String tradeNo;
    public LocalDateTime updatedAt;
}
