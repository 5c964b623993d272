package io.paysuite.it.ledger;

import static io.paysuite.it.ledger.LedgerFixture.FEE_INCOME;
import static io.paysuite.it.ledger.LedgerFixture.balanceOf;
import static io.paysuite.it.ledger.LedgerFixture.escrow;
import static io.paysuite.it.ledger.LedgerFixture.fund;
import static io.paysuite.it.ledger.LedgerFixture.payment;
import static io.paysuite.it.ledger.LedgerFixture.pending;
import static io.paysuite.it.ledger.LedgerFixture.trialBalance;
import static io.paysuite.it.ledger.LedgerFixture.unique;
import static io.paysuite.it.ledger.LedgerFixture.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.FeeRateCmd;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.ledger.ReleasePostingCmd;
import io.paysuite.api.ledger.TrialBalanceDTO;
import io.paysuite.api.money.Money;
import io.paysuite.it.SuiteHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Fees, refunds, escrow and the hot-account buffer, with exact amounts, against the running suite. */
class LedgerTradeFlowIT {

    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final String buyer = unique("U_FLOW");
    private final String merchant = unique("M_FLOW");

    @Test
    void paymentTakesTheFeeAndRefundsInPartsReturnExactlyTheFeeCharged() {
        fund(ledger, buyer, 20_000);
        assertThat(ledger.setFeeRate(new FeeRateCmd(merchant, 60)).data()).isEqualTo(60);
        String trade = unique("T");

        JournalEntryDTO paid = ledger.postPayment(payment(unique("pay"), trade, buyer, merchant, 10_000, false)).data();
        assertThat(paid.lines()).containsExactly(
                new PostingLine(wallet(buyer), Side.DEBIT, 10_000),
                new PostingLine(pending(merchant), Side.CREDIT, 9_940),
                new PostingLine(FEE_INCOME, Side.CREDIT, 60));

        // the rate changes after payment: refunds still return the fee actually charged
        ledger.setFeeRate(new FeeRateCmd(merchant, 100));
        assertThat(refund(trade, 3_333, 0).lines()).containsExactly(
                new PostingLine(pending(merchant), Side.DEBIT, 3_314),
                new PostingLine(FEE_INCOME, Side.DEBIT, 19),
                new PostingLine(wallet(buyer), Side.CREDIT, 3_333));
        assertThat(refund(trade, 3_333, 3_333).lines()).contains(new PostingLine(FEE_INCOME, Side.DEBIT, 20));
        assertThat(refund(trade, 3_334, 6_666).lines()).contains(new PostingLine(FEE_INCOME, Side.DEBIT, 21));

        assertThat(balanceOf(ledger, wallet(buyer))).isEqualTo(20_000);
        assertThat(balanceOf(ledger, pending(merchant))).isZero();
        Result<JournalEntryDTO> beyond = ledger.postRefund(refundCmd(trade, 1, 10_000, false));
        assertThat(beyond.code()).isEqualTo("PARAM_ERROR");
    }

    @Test
    void escrowHoldsTheMoneyARefundComesFromEscrowAndReleaseTakesTheFee() {
        fund(ledger, buyer, 10_000);
        String trade = unique("T");

        assertThat(ledger.postPayment(payment(unique("pay"), trade, buyer, merchant, 10_000, true)).data().lines()).containsExactly(
                new PostingLine(wallet(buyer), Side.DEBIT, 10_000),
                new PostingLine(escrow(merchant), Side.CREDIT, 10_000));
        assertThat(ledger.postRefund(refundCmd(trade, 1_000, 0, true)).data().lines()).containsExactly(
                new PostingLine(escrow(merchant), Side.DEBIT, 1_000),
                new PostingLine(wallet(buyer), Side.CREDIT, 1_000));
        assertThat(balanceOf(ledger, escrow(merchant))).isEqualTo(9_000);

        Result<JournalEntryDTO> tooMuch = ledger.postRelease(new ReleasePostingCmd(unique("rel"), trade, merchant, Money.cny(9_001)));
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_BALANCE"); // escrow never goes negative
        JournalEntryDTO released = ledger.postRelease(new ReleasePostingCmd(unique("rel"), trade, merchant, Money.cny(9_000))).data();
        assertThat(released.lines()).containsExactly(
                new PostingLine(escrow(merchant), Side.DEBIT, 9_000),
                new PostingLine(pending(merchant), Side.CREDIT, 8_946),
                new PostingLine(FEE_INCOME, Side.CREDIT, 54));

        assertThat(balanceOf(ledger, escrow(merchant))).isZero();
        assertThat(balanceOf(ledger, pending(merchant))).isEqualTo(8_946);
        assertThat(balanceOf(ledger, wallet(buyer))).isEqualTo(1_000);
    }

    @Test
    void trialBalanceBalancesAtEveryMomentWhileHotPostingsAreInFlight() throws Exception {
        int posters = 16;
        int perPoster = 25;
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < posters; i++) {
            buyers.add(buyer + "_" + i);
            fund(ledger, buyers.get(i), 100_000);
        }
        ExecutorService pool = Executors.newFixedThreadPool(posters + 1);
        AtomicBoolean posting = new AtomicBoolean(true);
        List<TrialBalanceDTO> samples = new ArrayList<>();
        try {
            Future<?> sampler = pool.submit(() -> {
                while (posting.get()) {
                    samples.add(trialBalance(ledger));
                }
                return null;
            });
            List<Future<Long>> posted = new ArrayList<>();
            for (String payer : buyers) {
                posted.add(pool.submit(() -> {
                    long ok = 0;
                    for (int n = 0; n < perPoster; n++) {
                        if (ledger.postPayment(payment(unique("pay"), unique("T"), payer, merchant, 1_000, false)).success()) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            long succeeded = 0;
            for (Future<Long> f : posted) {
                succeeded += f.get();
            }
            posting.set(false);
            sampler.get();
            assertThat(succeeded).isEqualTo((long) posters * perPoster);
        } finally {
            pool.shutdownNow();
        }

        assertThat(samples).hasSizeGreaterThan(3);
        assertThat(samples).allSatisfy(t -> assertThat(t.balanced())
                .as("debit %d credit %d", t.totalDebit(), t.totalCredit()).isTrue());
        assertThat(samples).anySatisfy(t -> assertThat(t.accounts()).anySatisfy(a -> assertThat(a.buffered()).isNotZero()));
        long expected = (long) posters * perPoster * (1_000 - 6);
        assertThat(balanceOf(ledger, pending(merchant))).isEqualTo(expected); // exact at once, buffered lines counted
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            AccountBalanceDTO row = ledger.balance(pending(merchant)).data();
            assertThat(row.buffered()).isZero(); // the applier folded every line into the row
            assertThat(row.balance()).isEqualTo(expected);
        });
    }

    private JournalEntryDTO refund(String trade, long refund, long before) {
        Result<JournalEntryDTO> answer = ledger.postRefund(refundCmd(trade, refund, before, false));
        assertThat(answer.success()).as(answer.code() + " " + answer.message()).isTrue();
        return answer.data();
    }

    private RefundPostingCmd refundCmd(String trade, long refund, long before, boolean escrowHeld) {
        return new RefundPostingCmd(unique("ref"), trade, unique("R"), buyer, merchant, Money.cny(refund), Money.cny(10_000),
                Money.cny(before), escrowHeld);
    }
}
