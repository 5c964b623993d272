package io.paysuite.accounting.infra.crosscheck;

import java.time.LocalDateTime;

/** A row of {@code crosscheck_finding}. */
public class FindingRow {
    static final String COLUMNS = "id, trade_no, kind, subject, sides, status, first_seen, last_checked, cleared_at";

    public Long id;
    public String tradeNo;
    public String kind;
    public String subject;
    public String sides;
    public String status;
    public LocalDateTime firstSeen;
    public LocalDateTime lastChecked;
    public LocalDateTime clearedAt;
    /** The time of the write, for inserts and updates. */
    public LocalDateTime now;
}
