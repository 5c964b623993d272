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
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.FeeRateCmd;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.ledger.RefundReversalCmd;
import io.paysuite.api.ledger.ReleasePostingCmd;
import io.paysuite.api.money.Money;
import io.paysuite.it.SuiteHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Escrow held per trade and a refund's context read by the ledger from its own journal, through
 * Dubbo against the running suite: callers' figures are ignored, two guarantee trades of one
 * merchant are told apart, a refund refused after the release is released on by its reversal, and
 * concurrent refunds of one trade are serialised by the trade's lock.
 */
class EscrowPerTradeIT {

    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final String buyer = unique("U_ESC");
    private final String merchant = unique("M_ESC");

    @Test
    void aCallerLyingAboutPaidRefundedOrEscrowHeldChangesNothingInTheEntry() {
        fund(ledger, buyer, 10_000);
        ledger.setFeeRate(new FeeRateCmd(merchant, 60));
        String trade = unique("T");
        posted(ledger.postPayment(payment(unique("pay"), trade, buyer, merchant, 10_000, false)));

        JournalEntryDTO refund = posted(ledger.postRefund(new RefundPostingCmd(unique("ref"), trade, unique("R"), buyer, merchant,
                Money.cny(3_333), Money.cny(1), Money.cny(9_000), true)));
        assertThat(refund.lines()).containsExactly(
                new PostingLine(pending(merchant), Side.DEBIT, 3_314),
                new PostingLine(FEE_INCOME, Side.DEBIT, 19),
                new PostingLine(wallet(buyer), Side.CREDIT, 3_333));
        assertThat(ledger.postRefund(new RefundPostingCmd(unique("ref"), trade, unique("R"), buyer, merchant,
                Money.cny(6_668), Money.cny(1_000_000), Money.cny(0), false)).code()).isEqualTo("PARAM_ERROR");
    }

    @Test
    void theEscrowOfTwoGuaranteeTradesOfOneMerchantIsToldApart() {
        fund(ledger, buyer, 15_000);
        ledger.setFeeRate(new FeeRateCmd(merchant, 60));
        String first = unique("T");
        String second = unique("T");
        posted(ledger.postPayment(payment(unique("pay"), first, buyer, merchant, 10_000, true)));
        posted(ledger.postPayment(payment(unique("pay"), second, buyer, merchant, 5_000, true)));

        assertThat(ledger.postRelease(new ReleasePostingCmd(unique("rel"), first, merchant, Money.cny(12_000))).code())
                .isEqualTo("INSUFFICIENT_BALANCE");
        posted(ledger.postRelease(new ReleasePostingCmd(unique("rel"), first, merchant, Money.cny(10_000))));
        assertThat(posted(ledger.postRefund(refundCmd(first, 10_000, true))).lines()).as("released: from the merchant")
                .containsExactly(
                        new PostingLine(pending(merchant), Side.DEBIT, 9_940),
                        new PostingLine(FEE_INCOME, Side.DEBIT, 60),
                        new PostingLine(wallet(buyer), Side.CREDIT, 10_000));
        assertThat(balanceOf(ledger, escrow(merchant))).as("the second trade's escrow is untouched").isEqualTo(5_000);
    }

    @Test
    void aRefundAcceptedBeforeReleaseAndRefusedAfterItIsReleasedOnByItsReversal() {
        fund(ledger, buyer, 10_000);
        ledger.setFeeRate(new FeeRateCmd(merchant, 60));
        String trade = unique("T");
        posted(ledger.postPayment(payment(unique("pay"), trade, buyer, merchant, 10_000, true)));
        RefundPostingCmd accepted = refundCmd(trade, 3_000, true);
        posted(ledger.postRefund(accepted));
        posted(ledger.postRelease(new ReleasePostingCmd(unique("rel"), trade, merchant, Money.cny(7_000))));

        RefundReversalCmd reversal = new RefundReversalCmd(unique("RREV"), trade, accepted.postingKey());
        JournalEntryDTO reversed = posted(ledger.postRefundReversal(reversal));
        assertThat(reversed.lines()).containsExactly(
                new PostingLine(escrow(merchant), Side.CREDIT, 3_000),
                new PostingLine(wallet(buyer), Side.DEBIT, 3_000),
                new PostingLine(escrow(merchant), Side.DEBIT, 3_000),
                new PostingLine(pending(merchant), Side.CREDIT, 2_982),
                new PostingLine(FEE_INCOME, Side.CREDIT, 18));
        assertThat(posted(ledger.postRefundReversal(reversal))).as("idempotent").isEqualTo(reversed);
        assertThat(balanceOf(ledger, escrow(merchant))).isZero();
        assertThat(balanceOf(ledger, pending(merchant))).isEqualTo(6_958 + 2_982);
        assertThat(trialBalance(ledger).balanced()).isTrue();

        posted(ledger.postRefund(refundCmd(trade, 4_000, false)));
        assertThat(posted(ledger.postRefund(refundCmd(trade, 6_000, false))).lines()).contains(
                new PostingLine(FEE_INCOME, Side.DEBIT, 60 - 24));
        assertThat(balanceOf(ledger, pending(merchant))).isZero();
        assertThat(balanceOf(ledger, wallet(buyer))).isEqualTo(10_000);
    }

    @Test
    void concurrentRefundsOfOneTradeNeverTogetherExceedWhatWasPaid() throws Exception {
        fund(ledger, buyer, 10_000);
        ledger.setFeeRate(new FeeRateCmd(merchant, 60));
        String trade = unique("T");
        posted(ledger.postPayment(payment(unique("pay"), trade, buyer, merchant, 10_000, false)));

        int refunds = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(refunds);
        List<Future<Result<JournalEntryDTO>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < refunds; i++) {
                Callable<Result<JournalEntryDTO>> refund = () -> {
                    start.await();
                    return ledger.postRefund(refundCmd(trade, 2_000, false)); // every caller says "nothing refunded before"
                };
                answers.add(pool.submit(refund));
            }
            start.countDown();
            int posted = 0;
            for (Future<Result<JournalEntryDTO>> answer : answers) {
                Result<JournalEntryDTO> result = answer.get();
                if (result.success()) {
                    posted++;
                } else {
                    assertThat(result.code()).isEqualTo("PARAM_ERROR");
                }
            }
            assertThat(posted).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(balanceOf(ledger, wallet(buyer))).isEqualTo(10_000);
        assertThat(balanceOf(ledger, pending(merchant))).as("all five returned exactly the fee charged").isZero();
    }

    private RefundPostingCmd refundCmd(String trade, long refund, boolean escrowHeld) {
        return new RefundPostingCmd(unique("ref"), trade, unique("R"), buyer, merchant, Money.cny(refund), Money.cny(10_000),
                Money.cny(0), escrowHeld);
    }

    private static JournalEntryDTO posted(Result<JournalEntryDTO> answer) {
        assertThat(answer.success()).as(answer.code() + " " + answer.message()).isTrue();
        return answer.data();
    }
}
