package io.paysuite.it.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.TrialBalanceDTO;
import io.paysuite.api.money.Money;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Shared steps of the ledger ITs. Owners get a random suffix per run: the suite's database lives
 * for the whole run and other tests post to the same ledger, so tests look at their own accounts
 * and at the "balanced" flag, never at absolute totals.
 */
final class LedgerFixture {

    static final String CNY = "CNY";
    static final AccountRef FEE_INCOME = new AccountRef(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, CNY);

    private LedgerFixture() {
    }

    static String unique(String prefix) {
        return prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    static AccountRef wallet(String buyer) {
        return new AccountRef(AccountType.BUYER_WALLET, buyer, CNY);
    }

    static AccountRef pending(String merchant) {
        return new AccountRef(AccountType.MERCHANT_PENDING, merchant, CNY);
    }

    static AccountRef escrow(String merchant) {
        return new AccountRef(AccountType.ESCROW, merchant, CNY);
    }

    /** Tops a wallet up from platform funding (a general entry). */
    static void fund(LedgerService ledger, String buyer, long amount) {
        AccountRef funding = new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, CNY);
        Result<JournalEntryDTO> funded = ledger.post(new PostingCmd(unique("fund"), "WALLET_TOPUP", buyer, CNY,
                List.of(new PostingLine(funding, AccountType.Side.DEBIT, amount),
                        new PostingLine(wallet(buyer), AccountType.Side.CREDIT, amount)), "IT top-up"));
        assertThat(funded.success()).as(funded.code() + " " + funded.message()).isTrue();
    }

    static PaymentPostingCmd payment(String key, String trade, String buyer, String merchant, long amount, boolean escrow) {
        return new PaymentPostingCmd(key, trade, "P" + key, buyer, merchant, Money.cny(amount), escrow);
    }

    static long balanceOf(LedgerService ledger, AccountRef account) {
        Result<AccountBalanceDTO> answer = ledger.balance(account);
        assertThat(answer.success()).as(account.code() + ": " + answer.code()).isTrue();
        return answer.data().balance();
    }

    static TrialBalanceDTO trialBalance(LedgerService ledger) {
        Result<TrialBalanceDTO> answer = ledger.trialBalance(CNY);
        assertThat(answer.success()).as(answer.code() + " " + answer.message()).isTrue();
        return answer.data();
    }

    /** The trial balance's rows of accounts whose code contains {@code marker}. */
    static Map<String, AccountBalanceDTO> rowsOf(TrialBalanceDTO trial, String marker) {
        return trial.accounts().stream().filter(a -> a.code().contains(marker))
                .collect(Collectors.toMap(AccountBalanceDTO::code, a -> a));
    }
}
