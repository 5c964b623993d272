package io.paysuite.accounting.infra.journal;

import java.time.LocalDateTime;

/** A row of {@code journal_entry}. Times are UTC wall-clock (DATETIME(3) has no zone). */
public class JournalEntryDO {
    public Long id;
    public String entryNo;
    public String postingKey;
    public String bizType;
    public String bizNo;
    public String currency;
    public String contentDigest;
    public String memo;
    public LocalDateTime postedAt;
}
