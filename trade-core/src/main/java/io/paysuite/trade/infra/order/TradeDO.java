package io.paysuite.trade.infra.order;

import java.time.LocalDateTime;

/** A row of {@code trade_order_N}. Times are UTC wall-clock (DATETIME(3) has no zone). */
public class TradeDO {
    public String tradeNo;
    public String merchantId;
    public String outTradeNo;
    public String tradeType;
    public String status;
    public long amountMinor;
    public String currency;
    public long paidMinor;
    public long refundedMinor;
    public String subject;
    public String buyerId;
    public String attach;
    public String notifyUrl;
    public String returnUrl;
    public LocalDateTime timeExpire;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
    public LocalDateTime paidAt;
    public LocalDateTime closedAt;
    public int version;
    public String payOrderNo;
    public String payerId;
    /** PayMethod names, comma-separated; null = any method. */
    public String paymentMethods;
    public String paidMethod;
    public String paidChannel;
    /** A combination payment's coupon and points (V8); null without. */
    public String couponId;
    public String couponName;
    public Long couponMinor;
    public String couponFundedBy;
    public Long pointsMinor;
}
