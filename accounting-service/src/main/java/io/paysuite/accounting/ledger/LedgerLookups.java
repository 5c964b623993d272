package io.paysuite.accounting.ledger;

import static io.paysuite.accounting.ledger.EntryRules.require;
import static io.paysuite.accounting.ledger.EntryRules.requireText;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.TrialBalanceDTO;

/**
 * Reads the ledger answers by key: an entry by its posting key (how a caller whose posting's outcome
 * was unknown learns whether it was written), an account's balance, the trial balance of a currency.
 */
public final class LedgerLookups {

    private final EntryRules rules;
    private final Journal journal;
    private final Balances balances;

    public LedgerLookups(EntryRules rules, Journal journal, Balances balances) {
        this.rules = rules;
        this.journal = journal;
        this.balances = balances;
    }

    public JournalEntryDTO entryByKey(String postingKey) {
        requireText(postingKey, "postingKey", EntryRules.MAX_KEY);
        return journal.entryByKey(postingKey)
                .orElseThrow(() -> new BizException(ErrorCode.POSTING_NOT_FOUND, "no entry under " + postingKey));
    }

    public AccountBalanceDTO balance(AccountRef account) {
        require(account != null && account.type() != null && account.ownerId() != null && account.currency() != null,
                "account type, owner and currency are required");
        return balances.account(account.code()).map(AccountTotals::toDto)
                .orElseThrow(() -> new BizException(ErrorCode.ACCOUNT_NOT_FOUND, "no account " + account.code()));
    }

    public TrialBalanceDTO trialBalance(String currency) {
        rules.requireCurrency(currency);
        return TrialBalance.of(currency, balances.accounts(currency));
    }
}
