package io.paysuite.accounting.infra.wallet;

import java.time.LocalDateTime;

/** A journal line of a wallet with its entry's number, type, business number and time (UTC). */
public class LineRow {
    public String entryNo;
    public String bizType;
    public String bizNo;
    public String side;
    public long amount;
    public String currency;
    public LocalDateTime postedAt;
}
