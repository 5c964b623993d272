package io.paysuite.accounting.infra.settlement;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A row of {@code settlement}. Times are UTC wall-clock. */
public class SettlementRow {
    public Long id;
    public String settlementNo;
    public String merchantId;
    public String currency;
    public LocalDate settleDate;
    public LocalDate periodFrom;
    public LocalDate periodTo;
    public LocalDateTime cutoffAt;
    public long gross;
    public long refunds;
    public long fees;
    public long adjustments;
    public long carriedForward;
    public long net;
    public String status;
    public String payoutNo;
    public String bankAccount;
    public String payoutStatus;
    public LocalDateTime paidAt;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}
