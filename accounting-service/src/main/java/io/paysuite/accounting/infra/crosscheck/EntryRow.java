package io.paysuite.accounting.infra.crosscheck;

import java.time.LocalDateTime;

/** A journal entry as the sweep reads it: its business number, when it was posted, and that trade's last check. */
public class EntryRow {
    public long id;
    public String bizNo;
    public LocalDateTime postedAt;
    public LocalDateTime checkedAt;
}
