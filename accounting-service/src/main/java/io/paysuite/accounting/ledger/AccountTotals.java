package io.paysuite.accounting.ledger;

import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.AccountType;

/**
 * One account's totals as stored: what its row holds (applied lines) and what its buffered lines
 * add (a hot account's lines the applier has not folded in yet).
 */
public record AccountTotals(
        String code,
        AccountType type,
        long appliedDebit,
        long appliedCredit,
        long bufferedDebit,
        long bufferedCredit) {

    /** Totals with buffered lines counted; balance on the type's normal side. */
    public AccountBalanceDTO toDto() {
        long debit = Math.addExact(appliedDebit, bufferedDebit);
        long credit = Math.addExact(appliedCredit, bufferedCredit);
        return new AccountBalanceDTO(code, type, debit, credit, onNormalSide(type, debit, credit),
                onNormalSide(type, bufferedDebit, bufferedCredit));
    }

    /** Debit-normal: debits − credits; credit-normal: credits − debits. */
    public static long onNormalSide(AccountType type, long debit, long credit) {
        return type.normalSide() == AccountType.Side.DEBIT ? Math.subtractExact(debit, credit) : Math.subtractExact(credit, debit);
    }
}
