package io.paysuite.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.money.Money;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopUpEntriesTest {

    private final InMemoryJournal journal = new InMemoryJournal();
    private final TradeEntries entries = new TradeEntries(new EntryRules(Set.of("CNY")), new OneFeeRate());
    private final AccountRef wallet = new AccountRef(AccountType.BUYER_WALLET, "U7", "CNY");

    @Test
    void aTopUpCreditsTheBuyersWalletFromTheChannelWithNoMerchantAndNoFee() {
        EntryDraft draft = entries.payment(topUp(10_000));
        assertThat(draft.bizType()).isEqualTo("PAYMENT");
        assertThat(draft.lines()).containsExactly(
                new PostingLine(new AccountRef(AccountType.CHANNEL_CLEARING, "WECHAT", "CNY"), Side.DEBIT, 10_000),
                new PostingLine(wallet, Side.CREDIT, 10_000));
        assertThat(draft.digest()).as("the same payment to a merchant is other content")
                .isNotEqualTo(entries.payment(new PaymentPostingCmd("P1", "T1", "P1", "U7", "PLATFORM", Money.cny(10_000), false,
                        "WECHAT")).digest());
    }

    @Test
    void aTopUpNeedsAChannel() {
        assertThatThrownBy(() -> entries.payment(new PaymentPostingCmd("P1", "T1", "P1", "U7", "PLATFORM", Money.cny(100), false,
                null, true))).isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code())
                .isEqualTo(ErrorCode.PARAM_ERROR);
    }

    @Test
    void aTopUpRefundTakesTheMoneyBackOutOfTheWalletToTheChannel() {
        journal.post(entries.payment(topUp(10_000)));
        journal.post(entries.refund(refund("R1", 4_000)));
        assertThat(journal.balance(wallet)).isEqualTo(6_000);
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aTopUpRefundBeyondTheWalletBalanceIsRefusedAndPostsNothing() {
        journal.post(entries.payment(topUp(10_000)));
        journal.post(new EntryDraft("spent", "ADJUST", "X1", "CNY", java.util.List.of(
                new PostingLine(wallet, Side.DEBIT, 7_000),
                new PostingLine(new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "CNY"), Side.CREDIT, 7_000)),
                null, "spent"));
        assertThatThrownBy(() -> journal.post(entries.refund(refund("R1", 5_000))))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code())
                .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(journal.balance(wallet)).isEqualTo(3_000);
        assertThat(journal.entryByKey("R1")).isEmpty();
    }

    private static PaymentPostingCmd topUp(long amount) {
        return new PaymentPostingCmd("P1", "T1", "P1", "U7", "PLATFORM", Money.cny(amount), false, "WECHAT", true);
    }

    private static RefundPostingCmd refund(String no, long amount) {
        return new RefundPostingCmd(no, "T1", no, "U7", "PLATFORM", Money.cny(amount), Money.cny(10_000), Money.cny(0), false,
                "WECHAT");
    }
}
