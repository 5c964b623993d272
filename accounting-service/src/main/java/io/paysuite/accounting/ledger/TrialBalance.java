package io.paysuite.accounting.ledger;

import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.TrialBalanceDTO;
import java.util.List;

/** Sums every account of a currency; balanced when total debits equal total credits. */
final class TrialBalance {

    private TrialBalance() {
    }

    static TrialBalanceDTO of(String currency, List<AccountTotals> accounts) {
        List<AccountBalanceDTO> rows = accounts.stream().map(AccountTotals::toDto).toList();
        long debit = 0;
        long credit = 0;
        for (AccountBalanceDTO row : rows) {
            debit = Math.addExact(debit, row.debit());
            credit = Math.addExact(credit, row.credit());
        }
        return new TrialBalanceDTO(currency, rows, debit, credit, debit == credit);
    }
}
