package io.paysuite.accounting.infra.settlement;

import java.time.LocalDateTime;

/** A row of {@code settlement_item}, or an unsettled entry as {@link SettlementMapper#due} reads it. */
public class SettlementItemRow {
    public String settlementNo;
    public String merchantId;
    public long entryId;
    public String entryNo;
    public String postingKey;
    public String bizType;
    public String bizNo;
    public LocalDateTime postedAt;
    public long pendingDelta;
    public long feeDelta;
}
