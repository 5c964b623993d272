package io.paysuite.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.ledger.RefundReversalCmd;
import io.paysuite.api.ledger.ReleasePostingCmd;
import io.paysuite.api.money.Money;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A trade's money as the ledger's own journal tells it: escrow held per trade, a refund's context
 * computed from the trade's entries (not from what the caller says), and a refund the channel
 * refused put back where it came from.
 */
class EscrowPerTradeTest {

    static final AccountRef ESCROW = account(AccountType.ESCROW, "M1");
    static final AccountRef PENDING = account(AccountType.MERCHANT_PENDING, "M1");
    static final AccountRef FEE = account(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM);
    static final AccountRef WALLET = account(AccountType.BUYER_WALLET, "U1");

    private final OneFeeRate feeRates = new OneFeeRate();
    private final InMemoryJournal journal = InMemoryJournal.withWallet("U1", 1_000_000);
    private final TradeEntries entries = new TradeEntries(new EntryRules(Set.of("CNY")), feeRates);

    @Test
    void aCallerLyingAboutPaidRefundedOrEscrowHeldChangesNothingInTheEntry() {
        pay("T1", 10_000, false);
        pay("T2", 10_000, true);

        assertThat(refund("f1", "T1", 3_333, cmd -> new RefundPostingCmd(cmd.postingKey(), cmd.tradeNo(), cmd.refundNo(), "U1", "M1",
                cmd.refund(), Money.cny(3_333), Money.cny(6_000), true)).lines()).containsExactly(
                new PostingLine(PENDING, Side.DEBIT, 3_314),
                new PostingLine(FEE, Side.DEBIT, 19),
                new PostingLine(WALLET, Side.CREDIT, 3_333));
        assertThat(refund("f2", "T2", 1_000, cmd -> new RefundPostingCmd(cmd.postingKey(), cmd.tradeNo(), cmd.refundNo(), "U1", "M1",
                cmd.refund(), Money.cny(99_999), Money.cny(0), false)).lines()).as("escrow holds it, whatever the caller says")
                .containsExactly(new PostingLine(ESCROW, Side.DEBIT, 1_000), new PostingLine(WALLET, Side.CREDIT, 1_000));
        assertThatThrownBy(() -> refund("f3", "T1", 6_668, cmd -> new RefundPostingCmd(cmd.postingKey(), cmd.tradeNo(),
                cmd.refundNo(), "U1", "M1", cmd.refund(), Money.cny(1_000_000), Money.cny(0), false)))
                .as("only 6667 of T1 is left, whatever paid total the caller claims")
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.PARAM_ERROR);
    }

    @Test
    void theEscrowOfTwoGuaranteeTradesOfOneMerchantIsToldApart() {
        pay("T1", 10_000, true);
        pay("T2", 5_000, true);

        assertThatThrownBy(() -> release("T1", 12_000)).as("T2's money is not T1's to release")
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        release("T1", 10_000);
        assertThat(journal.balance(ESCROW)).isEqualTo(5_000);

        // T1 is released: its refund comes from the merchant, though the merchant's escrow holds T2's money
        assertThat(refund("f1", "T1", 10_000, cmd -> cmd).lines()).containsExactly(
                new PostingLine(PENDING, Side.DEBIT, 9_940),
                new PostingLine(FEE, Side.DEBIT, 60),
                new PostingLine(WALLET, Side.CREDIT, 10_000));
        assertThat(refund("f2", "T2", 5_000, cmd -> cmd).lines()).containsExactly(
                new PostingLine(ESCROW, Side.DEBIT, 5_000), new PostingLine(WALLET, Side.CREDIT, 5_000));
        assertThat(journal.balance(ESCROW)).isZero();
        assertThat(journal.balance(PENDING)).isZero();
    }

    @Test
    void aRefundAcceptedBeforeReleaseAndFailedAfterItIsReleasedOnByItsReversal() {
        pay("T1", 10_000, true);
        refund("f1", "T1", 3_000, cmd -> cmd); // out of escrow
        release("T1", 7_000);                   // paid − refunds accepted: fee 42
        assertThat(journal.balance(ESCROW)).isZero();

        JournalEntryDTO reversal = journal.post(entries.refundReversal(new RefundReversalCmd("RREV-f1", "T1", "f1")));

        assertThat(reversal.bizType()).isEqualTo("REFUND_REVERSAL");
        assertThat(reversal.lines()).containsExactly(
                new PostingLine(ESCROW, Side.CREDIT, 3_000),
                new PostingLine(WALLET, Side.DEBIT, 3_000),
                new PostingLine(ESCROW, Side.DEBIT, 3_000),
                new PostingLine(PENDING, Side.CREDIT, 2_982),
                new PostingLine(FEE, Side.CREDIT, 18));
        assertThat(journal.balance(ESCROW)).as("escrow holds nothing for the finished trade").isZero();
        assertThat(journal.balance(PENDING)).isEqualTo(6_958 + 2_982);
        assertThat(journal.balance(FEE)).isEqualTo(60);
        assertThat(journal.imbalance()).as("trial balance").isZero();
        assertThat(MerchantStatement.line(reversal, "M1").held()).isZero();
        assertThat(journal.post(entries.refundReversal(new RefundReversalCmd("RREV-f1", "T1", "f1"))))
                .as("a repeat answers the first reversal").isEqualTo(reversal);

        // later refunds of the trade come from the merchant, and the whole trade returns exactly the fee charged
        assertThat(refund("f2", "T1", 4_000, cmd -> cmd).lines()).containsExactly(
                new PostingLine(PENDING, Side.DEBIT, 3_976),
                new PostingLine(FEE, Side.DEBIT, 24),
                new PostingLine(WALLET, Side.CREDIT, 4_000));
        refund("f3", "T1", 6_000, cmd -> cmd);
        assertThat(journal.balance(FEE)).isZero();
        assertThat(journal.balance(PENDING)).isZero();
        assertThat(journal.balance(ESCROW)).isZero();
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aReversalBeforeReleasePutsTheMoneyBackInTheTradesEscrowForTheReleaseToTake() {
        pay("T1", 10_000, true);
        refund("f1", "T1", 3_000, cmd -> cmd);
        assertThat(journal.post(entries.refundReversal(new RefundReversalCmd("RREV-f1", "T1", "f1"))).lines()).containsExactly(
                new PostingLine(ESCROW, Side.CREDIT, 3_000), new PostingLine(WALLET, Side.DEBIT, 3_000));
        release("T1", 10_000);
        assertThat(journal.balance(ESCROW)).isZero();
        assertThat(journal.balance(PENDING)).isEqualTo(9_940);
    }

    @Test
    void aReversedMerchantRefundGivesItsFeeBackAndTheRestStillReturnsExactlyTheFeeCharged() {
        pay("T1", 10_000, false);
        refund("f1", "T1", 3_333, cmd -> cmd); // fee back 19
        refund("f2", "T1", 3_333, cmd -> cmd); // fee back 20
        assertThat(journal.post(entries.refundReversal(new RefundReversalCmd("RREV-f1", "T1", "f1"))).lines()).containsExactly(
                new PostingLine(PENDING, Side.CREDIT, 3_314),
                new PostingLine(FEE, Side.CREDIT, 19),
                new PostingLine(WALLET, Side.DEBIT, 3_333));
        assertThatThrownBy(() -> journal.post(entries.refundReversal(new RefundReversalCmd("other", "T1", "f1"))))
                .as("a refund is reversed once").isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.PARAM_ERROR);

        refund("f3", "T1", 6_667, cmd -> cmd);
        assertThat(journal.balance(FEE)).isZero();
        assertThat(journal.balance(PENDING)).isZero();
    }

    @Test
    void aReversalOfNoRefundOfTheTradeIsNotFound() {
        pay("T1", 10_000, false);
        pay("T2", 10_000, false);
        refund("f1", "T1", 100, cmd -> cmd);
        assertThatThrownBy(() -> journal.post(entries.refundReversal(new RefundReversalCmd("RREV-f1", "T2", "f1"))))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.POSTING_NOT_FOUND);
    }

    @Test
    void aRepeatOfARefundAnswersItsEntryThoughItsOwnEntryIsNowInTheJournal() {
        pay("T1", 10_000, false);
        JournalEntryDTO first = refund("f1", "T1", 10_000, cmd -> cmd);
        assertThat(refund("f1", "T1", 10_000, cmd -> cmd)).isEqualTo(first);
        assertThat(entries.refund(refundCmd("f1", "T1", 10_000)).compose(journal.entriesOf("T1").stream()
                .map(e -> new Journal.Posted(e.postingKey(), e.bizType(), e.currency(), null, e.lines())).toList()).lines())
                .as("composing it again leaves its own entry out").isEqualTo(first.lines());
    }

    @Test
    void aRefundNamingAnotherMerchantIsRefused() {
        pay("T1", 10_000, true);
        assertThatThrownBy(() -> refund("f1", "T1", 100, cmd -> new RefundPostingCmd(cmd.postingKey(), cmd.tradeNo(), cmd.refundNo(),
                "U1", "M2", cmd.refund(), cmd.paidTotal(), cmd.refundedBefore(), true)))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.PARAM_ERROR);
    }

    private void pay(String tradeNo, long amount, boolean escrow) {
        journal.post(entries.payment(new PaymentPostingCmd("pay-" + tradeNo, tradeNo, "P" + tradeNo, "U1", "M1", Money.cny(amount),
                escrow)));
    }

    private void release(String tradeNo, long amount) {
        journal.post(entries.release(new ReleasePostingCmd("REL-" + tradeNo, tradeNo, "M1", Money.cny(amount))));
    }

    private JournalEntryDTO refund(String key, String tradeNo, long amount, java.util.function.UnaryOperator<RefundPostingCmd> as) {
        return journal.post(entries.refund(as.apply(refundCmd(key, tradeNo, amount))));
    }

    /** What trade-core would say, truthful or not; the ledger reads none of it. */
    private static RefundPostingCmd refundCmd(String key, String tradeNo, long amount) {
        return new RefundPostingCmd(key, tradeNo, key, "U1", "M1", Money.cny(amount), Money.cny(10_000), Money.cny(0), false);
    }

    private static AccountRef account(AccountType type, String owner) {
        return new AccountRef(type, owner, "CNY");
    }
}
