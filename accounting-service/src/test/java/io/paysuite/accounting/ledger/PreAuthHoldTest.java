package io.paysuite.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.HoldSettlementCmd;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.money.Money;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A pre-authorisation's money: the payment freezes it in the merchant's pre-auth hold (nothing to
 * the merchant), a capture moves the captured part to the merchant less the fee and gives the rest
 * back to the buyer in one balanced entry, a void gives everything back; what a trade's hold holds
 * is read from its own entries.
 */
class PreAuthHoldTest {

    static final AccountRef HOLD = account(AccountType.PREAUTH_HOLD, "M1");
    static final AccountRef PENDING = account(AccountType.MERCHANT_PENDING, "M1");
    static final AccountRef FEE = account(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM);
    static final AccountRef WALLET = account(AccountType.BUYER_WALLET, "U1");

    private final InMemoryJournal journal = InMemoryJournal.withWallet("U1", 100_000);
    private final TradeEntries entries = new TradeEntries(new EntryRules(Set.of("CNY")), new OneFeeRate());

    @Test
    void anAuthorisationFreezesTheBuyersMoneyAndGivesTheMerchantNothing() {
        JournalEntryDTO entry = authorise("T1", 10_000);

        assertThat(entry.bizType()).isEqualTo("PAYMENT");
        assertThat(entry.lines()).containsExactly(new PostingLine(WALLET, Side.DEBIT, 10_000), new PostingLine(HOLD, Side.CREDIT, 10_000));
        assertThat(journal.balance(WALLET)).isEqualTo(90_000);
        assertThat(journal.balance(PENDING)).isZero();
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aPartialCaptureGoesToTheMerchantLessFeeAndTheRestBackToTheBuyerInOneBalancedEntry() {
        authorise("T1", 10_000);

        JournalEntryDTO capture = settle(HoldSettlementCmd.captureKey("T1"), "T1", 6_000);

        assertThat(capture.bizType()).isEqualTo("CAPTURE");
        assertThat(capture.lines()).containsExactly(
                new PostingLine(HOLD, Side.DEBIT, 10_000),
                new PostingLine(PENDING, Side.CREDIT, 5_964),
                new PostingLine(FEE, Side.CREDIT, 36),
                new PostingLine(WALLET, Side.CREDIT, 4_000));
        assertThat(journal.balance(WALLET)).isEqualTo(94_000);
        assertThat(journal.balance(HOLD)).isZero();
        assertThat(journal.imbalance()).isZero();
        assertThat(settle(HoldSettlementCmd.captureKey("T1"), "T1", 6_000).entryNo()).as("the same capture again")
                .isEqualTo(capture.entryNo());
    }

    @Test
    void aVoidGivesAllBackAndNothingCanBeCapturedAfterIt() {
        authorise("T1", 10_000);

        assertThat(settle(HoldSettlementCmd.voidKey("T1"), "T1", 0).lines())
                .containsExactly(new PostingLine(HOLD, Side.DEBIT, 10_000), new PostingLine(WALLET, Side.CREDIT, 10_000));
        assertThat(journal.balance(WALLET)).isEqualTo(100_000);
        assertThatThrownBy(() -> settle(HoldSettlementCmd.captureKey("T1"), "T1", 1)).isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void theHoldsOfTwoTradesOfOneMerchantAreToldApart() {
        authorise("T1", 10_000);
        authorise("T2", 5_000);

        assertThatThrownBy(() -> settle(HoldSettlementCmd.captureKey("T2"), "T2", 6_000)).as("T1's hold is not T2's")
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        settle(HoldSettlementCmd.captureKey("T2"), "T2", 5_000);
        assertThat(journal.balance(HOLD)).isEqualTo(10_000);
    }

    @Test
    void aCapturedTradeRefundsOnlyWhatWasCapturedFromTheMerchant() {
        authorise("T1", 10_000);
        settle(HoldSettlementCmd.captureKey("T1"), "T1", 6_000);

        assertThat(refund("R1", 6_000).lines()).containsExactly(
                new PostingLine(PENDING, Side.DEBIT, 5_964),
                new PostingLine(FEE, Side.DEBIT, 36),
                new PostingLine(WALLET, Side.CREDIT, 6_000));
        assertThatThrownBy(() -> refund("R2", 1)).isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.PARAM_ERROR);
        assertThat(journal.balance(WALLET)).isEqualTo(100_000);
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aCardPreAuthsCaptureGivesTheRestBackToTheChannelSoClearingNetsToWhatWasCompleted() {
        AccountRef clearing = account(AccountType.CHANNEL_CLEARING, "UNIONPAY");
        JournalEntryDTO authorised = journal.post(entries.authorisation(new PaymentPostingCmd("PT1", "T1", "PT1", "U1", "M1",
                Money.cny(10_000), false, "UNIONPAY")));
        assertThat(authorised.lines()).containsExactly(new PostingLine(clearing, Side.DEBIT, 10_000),
                new PostingLine(HOLD, Side.CREDIT, 10_000));

        JournalEntryDTO capture = settle(HoldSettlementCmd.captureKey("T1"), "T1", 6_000);

        assertThat(capture.lines()).containsExactly(
                new PostingLine(HOLD, Side.DEBIT, 10_000),
                new PostingLine(PENDING, Side.CREDIT, 5_964),
                new PostingLine(FEE, Side.CREDIT, 36),
                new PostingLine(clearing, Side.CREDIT, 4_000));
        assertThat(journal.balance(clearing)).as("the channel owes what it completed").isEqualTo(6_000);
        assertThat(journal.balance(WALLET)).as("the buyer's wallet never moved").isEqualTo(100_000);
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aCardPreAuthsVoidLeavesTheChannelOwingNothing() {
        AccountRef clearing = account(AccountType.CHANNEL_CLEARING, "UNIONPAY");
        journal.post(entries.authorisation(new PaymentPostingCmd("PT1", "T1", "PT1", "U1", "M1", Money.cny(3_000), false, "UNIONPAY")));

        assertThat(settle(HoldSettlementCmd.voidKey("T1"), "T1", 0).lines())
                .containsExactly(new PostingLine(HOLD, Side.DEBIT, 3_000), new PostingLine(clearing, Side.CREDIT, 3_000));
        assertThat(journal.balance(clearing)).isZero();
        assertThat(journal.balance(HOLD)).isZero();
    }

    private JournalEntryDTO authorise(String tradeNo, long amount) {
        return journal.post(entries.authorisation(new PaymentPostingCmd("P" + tradeNo, tradeNo, "P" + tradeNo, "U1", "M1",
                Money.cny(amount), false)));
    }

    private JournalEntryDTO settle(String key, String tradeNo, long capture) {
        return journal.post(entries.holdSettlement(new HoldSettlementCmd(key, tradeNo, "M1", "U1", Money.cny(capture))));
    }

    private JournalEntryDTO refund(String key, long amount) {
        return journal.post(entries.refund(new RefundPostingCmd(key, "T1", key, "U1", "M1", Money.cny(amount), Money.cny(6_000),
                Money.cny(0), false)));
    }

    private static AccountRef account(AccountType type, String owner) {
        return new AccountRef(type, owner, "CNY");
    }
}
