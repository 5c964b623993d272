package io.paysuite.accounting.infra.journal;

/** An account row with the sums of its unapplied (buffered) lines, read in one statement. */
public class AccountTotalsRow {
    public String code;
    public String type;
    public long debitTotal;
    public long creditTotal;
    public long bufferedDebit;
    public long bufferedCredit;
}
