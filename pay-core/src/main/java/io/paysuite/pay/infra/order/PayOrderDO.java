package io.paysuite.pay.infra.order;

import java.time.LocalDateTime;

/** A row of {@code pay_order_N}. Times are UTC wall-clock (DATETIME(3) has no zone). */
public class PayOrderDO {
    public String payOrderNo;
    public String tradeNo;
    public String requestNo;
    public String requestDigest;
    public String buyerId;
    public String merchantId;
    public String method;
    public String status;
    public long amountMinor;
    public String currency;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
    public LocalDateTime finishedAt;
    public int version;
    public String failCode;
    public String channel;
    public String couponId;
    public String couponName;
    public Long couponMinor;
    public String couponFundedBy;
    public boolean usePoints;
    public Long points;
    public Long pointsMinor;
    public LocalDateTime announcedAt;
}
