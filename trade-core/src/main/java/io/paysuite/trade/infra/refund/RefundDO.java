package io.paysuite.trade.infra.refund;

import java.time.LocalDateTime;

/** A row of {@code refund_order_N}. Times are UTC wall-clock. */
public class RefundDO {
    public String refundNo;
    public String tradeNo;
    public String merchantId;
    public String outRefundNo;
    public String status;
    public long amountMinor;
    public String currency;
    public long paidMinor;
    public long refundedBeforeMinor;
    public boolean escrowHeld;
    public String buyerId;
    public String reason;
    public String failCode;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
    public LocalDateTime succeededAt;
}
