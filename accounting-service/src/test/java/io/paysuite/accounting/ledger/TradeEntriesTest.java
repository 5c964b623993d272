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
import io.paysuite.api.ledger.ReleasePostingCmd;
import io.paysuite.api.money.Money;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradeEntriesTest {

    private int refunds;
    private final OneFeeRate feeRates = new OneFeeRate();
    private final InMemoryJournal journal = InMemoryJournal.withWallet("U1", 1_000_000);
    private final TradeEntries entries = new TradeEntries(new EntryRules(Set.of("CNY")), feeRates);

    @Test
    void instantPaymentCreditsMerchantLessFeeAndFeeIncome() {
        EntryDraft draft = entries.payment(payment(10_000, false));
        assertThat(draft.bizType()).isEqualTo("PAYMENT");
        assertThat(draft.bizNo()).isEqualTo("T1");
        assertThat(draft.lines()).containsExactly(
                line(AccountType.BUYER_WALLET, "U1", Side.DEBIT, 10_000),
                line(AccountType.MERCHANT_PENDING, "M1", Side.CREDIT, 9_940),
                line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.CREDIT, 60));
    }

    @Test
    void aChannelPaymentDebitsTheChannelsClearingAccountNotTheWallet() {
        EntryDraft draft = entries.payment(new PaymentPostingCmd("p1", "T1", "P1", "U1", "M1", Money.cny(10_000), false, "ALIPAY"));
        assertThat(draft.lines()).containsExactly(
                line(AccountType.CHANNEL_CLEARING, "ALIPAY", Side.DEBIT, 10_000),
                line(AccountType.MERCHANT_PENDING, "M1", Side.CREDIT, 9_940),
                line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.CREDIT, 60));
        assertThat(draft.digest()).as("a wallet payment under the same key is different content")
                .isNotEqualTo(entries.payment(payment(10_000, false)).digest());
    }

    @Test
    void aChannelRefundCreditsTheChannelsClearingAccount() {
        journal.post(entries.payment(new PaymentPostingCmd("p1", "T1", "P1", "U1", "M1", Money.cny(10_000), false, "WECHAT")));
        JournalEntryDTO draft = post(entries.refund(new RefundPostingCmd("r1", "T1", "R1", "U1", "M1", Money.cny(5_000), Money.cny(10_000),
                Money.cny(0), false, "WECHAT")));
        assertThat(draft.lines()).contains(line(AccountType.CHANNEL_CLEARING, "WECHAT", Side.CREDIT, 5_000))
                .noneMatch(l -> l.account().type() == AccountType.BUYER_WALLET);
    }

    @Test
    void aZeroFeeLeavesTheFeeLineOut() {
        EntryDraft draft = entries.payment(payment(83, false));
        assertThat(draft.lines()).containsExactly(
                line(AccountType.BUYER_WALLET, "U1", Side.DEBIT, 83),
                line(AccountType.MERCHANT_PENDING, "M1", Side.CREDIT, 83));
    }

    @Test
    void escrowPaymentHoldsTheWholeAmountWithoutFee() {
        assertThat(entries.payment(payment(10_000, true)).lines()).containsExactly(
                line(AccountType.BUYER_WALLET, "U1", Side.DEBIT, 10_000),
                line(AccountType.ESCROW, "M1", Side.CREDIT, 10_000));
    }

    @Test
    void releaseTakesTheFee() {
        journal.post(entries.payment(payment(10_000, true)));
        assertThat(post(entries.release(new ReleasePostingCmd("r1", "T1", "M1", Money.cny(10_000)))).lines()).containsExactly(
                line(AccountType.ESCROW, "M1", Side.DEBIT, 10_000),
                line(AccountType.MERCHANT_PENDING, "M1", Side.CREDIT, 9_940),
                line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.CREDIT, 60));
    }

    @Test
    void refundAfterPaymentReturnsTheFeeProRata() {
        journal.post(entries.payment(payment(10_000, false)));
        assertThat(refund(3_333, 0, false).lines()).containsExactly(
                line(AccountType.MERCHANT_PENDING, "M1", Side.DEBIT, 3_314),
                line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.DEBIT, 19),
                line(AccountType.BUYER_WALLET, "U1", Side.CREDIT, 3_333));
    }

    @Test
    void refundsAfterAGuaranteeReleaseReturnExactlyTheFeeTakenAtRelease() {
        // paid 10000, 4000 refunded from escrow, 6000 released with a fee of 36
        journal.post(entries.payment(payment(10_000, true)));
        refund(4_000, 0, true);
        assertThat(post(entries.release(new ReleasePostingCmd("r1", "T1", "M1", Money.cny(6_000)))).lines())
                .contains(line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.CREDIT, 36));
        assertThat(refund(1_000, 4_000, false).lines()).contains(
                line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.DEBIT, 6));
        assertThat(refund(5_000, 5_000, false).lines()).contains(
                line(AccountType.MERCHANT_PENDING, "M1", Side.DEBIT, 5_000 - 30),
                line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.DEBIT, 30));
    }

    @Test
    void refundWhileHeldInEscrowDebitsEscrow() {
        journal.post(entries.payment(payment(10_000, true)));
        assertThat(refund(500, 0, true).lines()).containsExactly(
                line(AccountType.ESCROW, "M1", Side.DEBIT, 500),
                line(AccountType.BUYER_WALLET, "U1", Side.CREDIT, 500));
    }

    @Test
    void refundBeyondWhatIsLeftIsRefused() {
        journal.post(entries.payment(payment(10_000, false)));
        refund(9_000, 0, false);
        assertThatThrownBy(() -> refund(1_001, 9_000, false))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.PARAM_ERROR);
    }

    @Test
    void refundOfATradeNeverPaidIsRefused() {
        assertThatThrownBy(() -> refund(100, 0, false))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.POSTING_NOT_FOUND);
    }

    @Test
    void theDigestDependsOnTheCommandNotOnTodaysRate() {
        String before = entries.payment(payment(10_000, false)).digest();
        feeRates.rateBps = 100;
        assertThat(entries.payment(payment(10_000, false)).digest()).isEqualTo(before);
        assertThat(entries.payment(payment(10_001, false)).digest()).isNotEqualTo(before);
    }

    private static PaymentPostingCmd payment(long amount, boolean escrow) {
        return new PaymentPostingCmd("p1", "T1", "P1", "U1", "M1", Money.cny(amount), escrow);
    }

    /** Posts a refund of T1 under a fresh key. */
    private JournalEntryDTO refund(long refund, long before, boolean escrowHeld) {
        refunds++;
        return post(entries.refund(new RefundPostingCmd("f" + refunds, "T1", "R" + refunds, "U1", "M1", Money.cny(refund),
                Money.cny(10_000), Money.cny(before), escrowHeld)));
    }

    private JournalEntryDTO post(TradePosting posting) {
        return journal.post(posting);
    }

    private static PostingLine line(AccountType type, String owner, Side side, long amount) {
        return new PostingLine(new AccountRef(type, owner, "CNY"), side, amount);
    }
}
