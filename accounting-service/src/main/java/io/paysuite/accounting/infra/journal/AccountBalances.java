package io.paysuite.accounting.infra.journal;

import io.paysuite.accounting.ledger.AccountTotals;
import io.paysuite.accounting.ledger.Balances;
import io.paysuite.api.ledger.AccountType;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Account totals with buffered lines, each read in one statement (see {@link AccountMapper#totals}). */
@Component
class AccountBalances implements Balances {

    private final AccountMapper accounts;

    AccountBalances(AccountMapper accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<AccountTotals> account(String code) {
        return Optional.ofNullable(accounts.totals(code)).map(AccountBalances::totals);
    }

    @Override
    public List<AccountTotals> accounts(String currency) {
        return accounts.totalsOf(currency).stream().map(AccountBalances::totals).toList();
    }

    private static AccountTotals totals(AccountTotalsRow row) {
        return new AccountTotals(row.code, AccountType.valueOf(row.type), row.debitTotal, row.creditTotal,
                row.bufferedDebit, row.bufferedCredit);
    }
}
