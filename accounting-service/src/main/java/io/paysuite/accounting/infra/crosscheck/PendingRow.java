package io.paysuite.accounting.infra.crosscheck;

import java.time.LocalDateTime;

/** A row of {@code crosscheck_pending}. */
public class PendingRow {
    public String tradeNo;
    public String refundNo;
    public LocalDateTime notedAt;
    public int attempts;
}
