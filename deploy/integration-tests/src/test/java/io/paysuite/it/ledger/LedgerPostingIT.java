package io.paysuite.it.ledger;

import static io.paysuite.it.ledger.LedgerFixture.CNY;
import static io.paysuite.it.ledger.LedgerFixture.balanceOf;
import static io.paysuite.it.ledger.LedgerFixture.fund;
import static io.paysuite.it.ledger.LedgerFixture.payment;
import static io.paysuite.it.ledger.LedgerFixture.pending;
import static io.paysuite.it.ledger.LedgerFixture.rowsOf;
import static io.paysuite.it.ledger.LedgerFixture.trialBalance;
import static io.paysuite.it.ledger.LedgerFixture.unique;
import static io.paysuite.it.ledger.LedgerFixture.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.TrialBalanceDTO;
import io.paysuite.it.SuiteHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idempotency, refusals that change nothing, and never-negative wallets, over Dubbo against the running suite. */
class LedgerPostingIT {

    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final String buyer = unique("U_POST");
    private final String merchant = unique("M_POST");
    private final ExecutorService pool = Executors.newFixedThreadPool(32);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void hundredConcurrentIdenticalPaymentsPostOneEntryAndDebitTheWalletOnce() throws Exception {
        fund(ledger, buyer, 50_000);
        PaymentPostingCmd pay = payment(unique("pay"), unique("T"), buyer, merchant, 10_000, false);

        List<Result<JournalEntryDTO>> answers = all(IntStream.range(0, 100)
                .mapToObj(i -> (Callable<Result<JournalEntryDTO>>) () -> ledger.postPayment(pay)).toList());

        assertThat(answers).allSatisfy(a -> assertThat(a.success()).as(a.code() + " " + a.message()).isTrue());
        assertThat(answers.stream().map(a -> a.data().entryNo()).distinct()).hasSize(1);
        assertThat(answers.stream().map(Result::data).distinct()).hasSize(1); // repeats answer the first entry as posted
        assertThat(balanceOf(ledger, wallet(buyer))).isEqualTo(40_000);
        assertThat(balanceOf(ledger, pending(merchant))).isEqualTo(9_940);
        assertThat(ledger.entryByKey(pay.postingKey()).data()).isEqualTo(answers.get(0).data());
    }

    @Test
    void sameKeyWithOtherContentIsRefusedAsKeyUsedAndChangesNothing() {
        fund(ledger, buyer, 50_000);
        String key = unique("pay");
        assertThat(ledger.postPayment(payment(key, "T1" + key, buyer, merchant, 1_000, false)).success()).isTrue();

        Result<JournalEntryDTO> other = ledger.postPayment(payment(key, "T1" + key, buyer, merchant, 2_000, false));

        assertThat(other.success()).isFalse();
        assertThat(other.code()).isEqualTo("POSTING_KEY_USED");
        assertThat(balanceOf(ledger, wallet(buyer))).isEqualTo(49_000);
        assertThat(ledger.entryByKey(key).data().lines()).anySatisfy(l -> assertThat(l.amount()).isEqualTo(1_000));
    }

    @Test
    void badPostingsAreRefusedWithTheirCodeAndChangeNothing() {
        fund(ledger, buyer, 10_000);
        AccountRef funding = new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, CNY);
        AccountRef usdWallet = new AccountRef(AccountType.BUYER_WALLET, buyer, "USD");
        TrialBalanceDTO before = trialBalance(ledger);

        assertRefused(general("unbalanced", CNY, line(funding, Side.DEBIT, 100), line(wallet(buyer), Side.CREDIT, 99)), "POSTING_UNBALANCED");
        assertRefused(general("zero", CNY, line(funding, Side.DEBIT, 0), line(wallet(buyer), Side.CREDIT, 0)), "PARAM_ERROR");
        assertRefused(general("negative", CNY, line(funding, Side.DEBIT, -100), line(wallet(buyer), Side.CREDIT, -100)), "PARAM_ERROR");
        assertRefused(general("mixed", CNY, line(funding, Side.DEBIT, 100), line(usdWallet, Side.CREDIT, 100)), "PARAM_ERROR");
        assertRefused(general("usd", "USD", line(new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "USD"), Side.DEBIT, 100),
                line(usdWallet, Side.CREDIT, 100)), "CURRENCY_NOT_SUPPORTED");
        Result<JournalEntryDTO> usdPayment = ledger.postPayment(new PaymentPostingCmd(unique("k"), unique("T"), "P1", buyer, merchant,
                io.paysuite.api.money.Money.of(100, "USD"), false));
        assertThat(usdPayment.code()).isEqualTo("CURRENCY_NOT_SUPPORTED");
        Result<JournalEntryDTO> tooMuch = ledger.postPayment(payment(unique("k"), unique("T"), buyer, merchant, 10_001, false));
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_BALANCE");

        TrialBalanceDTO after = trialBalance(ledger);
        assertThat(after.balanced()).isTrue();
        assertThat(rowsOf(after, buyer)).isEqualTo(rowsOf(before, buyer));
        assertThat(rowsOf(after, merchant).values()).allSatisfy(a -> assertThat(a.debit() + a.credit()).isZero());
        assertThat(ledger.trialBalance("USD").code()).isEqualTo("CURRENCY_NOT_SUPPORTED");
    }

    @Test
    void walletNeverGoesNegativeUnderFiftyConcurrentPaymentsThatTogetherExceedIt() throws Exception {
        fund(ledger, buyer, 10_000);

        List<Result<JournalEntryDTO>> answers = all(IntStream.range(0, 50)
                .mapToObj(i -> (Callable<Result<JournalEntryDTO>>) () ->
                        ledger.postPayment(payment(unique("k" + i), unique("T"), buyer, merchant, 300, false))).toList());

        long succeeded = answers.stream().filter(Result::success).count();
        assertThat(succeeded).isEqualTo(33); // 33 × 300 = 9900 ≤ 10000 < 34 × 300
        assertThat(answers.stream().filter(a -> !a.success()).map(Result::code)).containsOnly("INSUFFICIENT_BALANCE");
        assertThat(balanceOf(ledger, wallet(buyer))).isEqualTo(100);
        assertThat(balanceOf(ledger, pending(merchant))).isEqualTo(33 * (300 - 2)); // fee(300 at 60 bps) = 1.8 → 2
    }

    @Test
    void entryByKeyOfAnUnknownKeyAnswersNotFound() {
        assertThat(ledger.entryByKey(unique("nothing")).code()).isEqualTo("POSTING_NOT_FOUND");
        assertThat(ledger.balance(wallet(unique("U_NONE"))).code()).isEqualTo("ACCOUNT_NOT_FOUND");
    }

    private void assertRefused(PostingCmd cmd, String code) {
        Result<JournalEntryDTO> answer = ledger.post(cmd);
        assertThat(answer.success()).isFalse();
        assertThat(answer.code()).as(cmd.bizNo() + ": " + answer.message()).isEqualTo(code);
        assertThat(ledger.entryByKey(cmd.postingKey()).code()).isEqualTo("POSTING_NOT_FOUND");
    }

    private static PostingCmd general(String what, String currency, PostingLine... lines) {
        return new PostingCmd(unique(what), "ADJUSTMENT", what, currency, List.of(lines), null);
    }

    private static PostingLine line(AccountRef account, Side side, long amount) {
        return new PostingLine(account, side, amount);
    }

    private <T> List<T> all(List<Callable<T>> calls) throws Exception {
        List<T> answers = new ArrayList<>();
        for (Future<T> answer : pool.invokeAll(calls)) {
            answers.add(answer.get());
        }
        return answers;
    }
}
