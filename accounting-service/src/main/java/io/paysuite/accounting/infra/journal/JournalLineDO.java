package io.paysuite.accounting.infra.journal;

/** A row of {@code journal_line}; {@code applied} false while a hot account's line waits in the buffer. */
public class JournalLineDO {
    public Long id;
    public long entryId;
    public int lineNo;
    public String accountCode;
    public String side;
    public long amount;
    public boolean applied;
}
