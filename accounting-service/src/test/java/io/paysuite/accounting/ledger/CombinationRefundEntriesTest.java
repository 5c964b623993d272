package io.paysuite.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.PromotionPart;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.ledger.RefundReversalCmd;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.refund.RefundShares;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Refunds of a combination payment to the cent (docs/adr/0008, "Refunds"): the cash back pro rata by
 * {@link RefundShares}, the coupon and points only with the refund that returns the whole trade, in one
 * balanced entry each, and the fee given back exactly on the whole refund.
 */
class CombinationRefundEntriesTest {

    private static final long PRICE = 301;
    private static final AccountRef WALLET = new AccountRef(AccountType.BUYER_WALLET, "U1", "CNY");
    private static final AccountRef CLEARING = new AccountRef(AccountType.CHANNEL_CLEARING, "WECHAT", "CNY");
    private static final AccountRef PENDING = new AccountRef(AccountType.MERCHANT_PENDING, "M1", "CNY");
    private static final AccountRef FEE = new AccountRef(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, "CNY");
    private static final AccountRef MARKETING = new AccountRef(AccountType.MARKETING_EXPENSE, AccountRef.PLATFORM, "CNY");
    private static final AccountRef POINTS = new AccountRef(AccountType.POINTS_LIABILITY, AccountRef.PLATFORM, "CNY");

    private final TradeEntries entries = new TradeEntries(new EntryRules(Set.of("CNY")), new OneFeeRate());
    private final InMemoryJournal journal = InMemoryJournal.withWallet("U1", 10_000);
    private long refundedBefore;
    private int refunds;

    @Test
    void threeRefundsOfOneYuanOnAPaymentOfThreeYuanOneWithAHalfYuanPlatformCouponReturnTheCashProRataAndTheCouponLast() {
        pay(null, coupon(50, FundedBy.PLATFORM));
        long wallet = journal.balance(WALLET);
        long marketing = journal.balance(MARKETING);

        JournalEntryDTO first = refund(100, null);                          // 1.00 × 2.51 / 3.01 = 0.8339…
        assertThat(first.lines()).contains(line(WALLET, Side.CREDIT, 83));
        assertThat(merchantSide(first)).as("the merchant gives back the cash share, its fee pro rata").isEqualTo(83);
        assertThat(refund(100, null).lines()).contains(line(WALLET, Side.CREDIT, 83)); // 1.66 after 2.00
        JournalEntryDTO third = refund(100, null);                          // 2.50 after 3.00
        assertThat(third.lines()).contains(line(WALLET, Side.CREDIT, 84));
        assertThat(journal.balance(WALLET) - wallet).isEqualTo(250);
        assertThat(journal.balance(MARKETING)).as("a partial refund keeps the coupon used").isEqualTo(marketing);

        JournalEntryDTO last = refund(1, null);
        assertThat(last.lines()).contains(line(WALLET, Side.CREDIT, 1), line(MARKETING, Side.CREDIT, 50));
        assertThat(merchantSide(last)).as("the coupon's share comes back from the merchant with the last cent").isEqualTo(51);
        assertThat(journal.balance(WALLET) - wallet).as("every cent of cash back").isEqualTo(251);
        assertWholeTradeUndone();
    }

    @Test
    void aMerchantCouponIsNeverDebitedFromTheMerchantAndTheFeeComesBackExactly() {
        pay(null, coupon(50, FundedBy.MERCHANT));
        long wallet = journal.balance(WALLET);

        refund(100, null);
        refund(100, null);
        refund(100, null);
        JournalEntryDTO last = refund(1, null);

        assertThat(last.lines()).contains(line(WALLET, Side.CREDIT, 1))
                .noneMatch(l -> l.account().type() == AccountType.MARKETING_EXPENSE);
        assertThat(journal.balance(WALLET) - wallet).isEqualTo(251);
        assertWholeTradeUndone();
    }

    @Test
    void pointsAndAPlatformCouponPaidBesideAChannelGoBackToTheirAccountsOnlyWithTheWholeRefund() {
        pay("WECHAT", coupon(50, FundedBy.PLATFORM), points(100));
        long clearing = journal.balance(CLEARING);

        assertThat(List.of(refund(100, "WECHAT"), refund(100, "WECHAT"), refund(100, "WECHAT")))
                .allSatisfy(entry -> assertThat(entry.lines()).contains(line(CLEARING, Side.CREDIT, 50))
                        .noneMatch(l -> l.account().equals(POINTS) || l.account().equals(MARKETING)));
        JournalEntryDTO last = refund(1, "WECHAT");

        assertThat(last.lines()).contains(line(CLEARING, Side.CREDIT, 1), line(MARKETING, Side.CREDIT, 50),
                line(POINTS, Side.CREDIT, 100));
        assertThat(clearing - journal.balance(CLEARING)).as("the channel gives back all the cash it took").isEqualTo(151);
        assertWholeTradeUndone();
    }

    @Test
    void oneRefundOfTheWholeTradeReturnsEveryPartInOneEntry() {
        pay(null, coupon(50, FundedBy.PLATFORM), points(100));

        JournalEntryDTO whole = refund(PRICE, null);

        assertThat(whole.lines()).contains(line(WALLET, Side.CREDIT, 151), line(MARKETING, Side.CREDIT, 50),
                line(POINTS, Side.CREDIT, 100));
        assertWholeTradeUndone();
    }

    @Test
    void aRefundClaimingMoreCashThanIsLeftOrTooLittleOnTheWholeRefundIsRefused() {
        pay(null, coupon(50, FundedBy.PLATFORM));
        refund(300, null); // 250 cash back, 1 left

        assertThatThrownBy(() -> journal.post(entries.refund(cmd("r-over", 1, Money.cny(2), false, null))))
                .isInstanceOf(BizException.class);
        assertThatThrownBy(() -> journal.post(entries.refund(cmd("r-short", 1, Money.cny(0), true, null))))
                .as("the whole refund returns exactly the cash left").isInstanceOf(BizException.class);
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aReversedWholeRefundTakesTheCouponBackOutAndCanBeRefundedAgain() {
        pay("WECHAT", coupon(50, FundedBy.PLATFORM));
        refund(PRICE, "WECHAT");

        journal.post(entries.refundReversal(new RefundReversalCmd("RREV-r1", "T1", "r1")));

        assertThat(journal.balance(MARKETING)).isEqualTo(50);
        JournalEntryDTO again = journal.post(entries.refund(cmd("r2", PRICE, Money.cny(251), true, "WECHAT")));
        assertThat(again.lines()).contains(line(MARKETING, Side.CREDIT, 50), line(CLEARING, Side.CREDIT, 251));
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void theSharesOfAnyRefundsAddUpToTheCashPartAndNeverExceedTheRefund() {
        long[][] splits = {{1, 1, 1, 298}, {150, 151}, {7, 13, 281}, {300, 1}, {1, 300}};
        for (long[] split : splits) {
            long before = 0;
            long cash = 0;
            for (long refund : split) {
                RefundShares shares = RefundShares.of(Money.cny(PRICE), Money.cny(251), Money.cny(before), Money.cny(refund));
                assertThat(shares.cash().minor()).isBetween(0L, refund);
                assertThat(shares.cash().plus(shares.promotion())).isEqualTo(Money.cny(refund));
                before += refund;
                cash += shares.cash().minor();
                assertThat(shares.wholeTrade()).isEqualTo(before == PRICE);
            }
            assertThat(cash).as("split %s", java.util.Arrays.toString(split)).isEqualTo(251);
        }
    }

    /** What the merchant's side (pending and the fee it was charged) gave back in an entry. */
    private static long merchantSide(JournalEntryDTO entry) {
        return entry.lines().stream().filter(l -> l.side() == Side.DEBIT
                && (l.account().equals(PENDING) || l.account().equals(FEE))).mapToLong(PostingLine::amount).sum();
    }

    private void assertWholeTradeUndone() {
        assertThat(journal.balance(PENDING)).as("the merchant gave back all it was credited").isZero();
        assertThat(journal.balance(FEE)).as("the whole refund returns exactly the fee charged").isZero();
        assertThat(journal.balance(MARKETING)).isZero();
        assertThat(journal.balance(POINTS)).isZero();
        assertThat(journal.imbalance()).as("trial balance").isZero();
    }

    private void pay(String channel, PromotionPart... parts) {
        journal.post(entries.payment(new PaymentPostingCmd("p1", "T1", "P1", "U1", "M1", Money.cny(PRICE), false, channel,
                new ArrayList<>(List.of(parts)))));
    }

    /** A refund split by the rule, as trade-core sends it. */
    private JournalEntryDTO refund(long amount, String channel) {
        long cashPaid = PRICE - promotion;
        RefundShares shares = RefundShares.of(Money.cny(PRICE), Money.cny(cashPaid), Money.cny(refundedBefore), Money.cny(amount));
        refundedBefore += amount;
        JournalEntryDTO entry = journal.post(entries.refund(cmd("r" + ++refunds, amount, shares.cash(), shares.wholeTrade(), channel)));
        assertThat(journal.imbalance()).isZero();
        return entry;
    }

    private static RefundPostingCmd cmd(String refundNo, long amount, Money cash, boolean whole, String channel) {
        return new RefundPostingCmd(refundNo, "T1", refundNo, "U1", "M1", Money.cny(amount), null, null, false, channel, cash, whole);
    }

    private long promotion;

    private PromotionPart coupon(long amount, FundedBy fundedBy) {
        promotion += amount;
        return new PromotionPart(PromotionPart.Kind.COUPON, "C1", Money.cny(amount), fundedBy);
    }

    private PromotionPart points(long amount) {
        promotion += amount;
        return new PromotionPart(PromotionPart.Kind.POINTS, "P1", Money.cny(amount), FundedBy.PLATFORM);
    }

    private static PostingLine line(AccountRef account, Side side, long amount) {
        return new PostingLine(account, side, amount);
    }
}
