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
import io.paysuite.api.ledger.ReleasePostingCmd;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.refund.RefundShares;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A {@code GUARANTEE} trade paid by a coupon, points and the wallet (docs/adr/0008): escrow holds what the
 * merchant will get gross (the price less a merchant-funded coupon), a refund before the release takes only
 * its cash share out of escrow, and the release moves everything escrow still holds for the trade to the
 * merchant less its fee — whatever price-denominated amount trade-core names — so that escrow ends empty and
 * a whole refund after the release gives back exactly what the merchant and the fee got.
 */
class CombinationGuaranteeEntriesTest {

    private static final long PRICE = 301;
    private static final AccountRef WALLET = new AccountRef(AccountType.BUYER_WALLET, "U1", "CNY");
    private static final AccountRef ESCROW = new AccountRef(AccountType.ESCROW, "M1", "CNY");
    private static final AccountRef PENDING = new AccountRef(AccountType.MERCHANT_PENDING, "M1", "CNY");
    private static final AccountRef FEE = new AccountRef(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, "CNY");
    private static final AccountRef MARKETING = new AccountRef(AccountType.MARKETING_EXPENSE, AccountRef.PLATFORM, "CNY");
    private static final AccountRef POINTS = new AccountRef(AccountType.POINTS_LIABILITY, AccountRef.PLATFORM, "CNY");

    private final OneFeeRate rates = new OneFeeRate();
    private final TradeEntries entries = new TradeEntries(new EntryRules(Set.of("CNY")), rates);
    private final InMemoryJournal journal = InMemoryJournal.withWallet("U1", 10_000);

    @Test
    void aMerchantCouponTradeReleasesThePriceLessTheCouponToTheMerchantLessItsFee() {
        pay(coupon(50, FundedBy.MERCHANT));
        assertThat(journal.balance(ESCROW)).as("escrow holds what the merchant gets gross").isEqualTo(251);

        JournalEntryDTO release = journal.post(entries.release(new ReleasePostingCmd("REL-T1", "T1", "M1", Money.cny(PRICE))));

        long fee = FeeRule.fee(251, rates.rateBps);
        assertThat(release.lines()).containsExactlyInAnyOrder(line(ESCROW, Side.DEBIT, 251), line(PENDING, Side.CREDIT, 251 - fee),
                line(FEE, Side.CREDIT, fee));
        assertThat(journal.balance(ESCROW)).isZero();
        assertThat(journal.balance(MARKETING)).as("the merchant's own price cut costs the platform nothing").isZero();
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aPartialRefundBeforeTheReleaseLeavesNothingInEscrowAndTheWholeRefundAfterItUndoesTheTradeExactly() {
        pay(coupon(50, FundedBy.PLATFORM), points(20));
        long cash = PRICE - 70;
        long wallet = journal.balance(WALLET);

        RefundShares first = RefundShares.of(Money.cny(PRICE), Money.cny(cash), Money.cny(0), Money.cny(100));
        JournalEntryDTO partial = journal.post(entries.refund(refund("r1", 100, first)));
        assertThat(partial.lines()).containsExactlyInAnyOrder(line(ESCROW, Side.DEBIT, first.cash().minor()),
                line(WALLET, Side.CREDIT, first.cash().minor()));
        long held = PRICE - first.cash().minor();

        // trade-core names the price left (301 − 100); escrow holds the coupon's and points' shares too
        JournalEntryDTO release = journal.post(entries.release(new ReleasePostingCmd("REL-T1", "T1", "M1", Money.cny(PRICE - 100))));
        assertThat(release.lines()).contains(line(ESCROW, Side.DEBIT, held));
        assertThat(journal.balance(ESCROW)).as("nothing left in escrow for good").isZero();
        assertThat(journal.balance(PENDING) + journal.balance(FEE)).isEqualTo(held);

        RefundShares rest = RefundShares.of(Money.cny(PRICE), Money.cny(cash), Money.cny(100), Money.cny(PRICE - 100));
        assertThat(rest.wholeTrade()).isTrue();
        JournalEntryDTO whole = journal.post(entries.refund(refund("r2", PRICE - 100, rest)));
        assertThat(whole.lines()).contains(line(MARKETING, Side.CREDIT, 50), line(POINTS, Side.CREDIT, 20));
        assertThat(journal.balance(WALLET) - wallet).as("all the cash back").isEqualTo(cash);
        assertThat(journal.balance(PENDING)).isZero();
        assertThat(journal.balance(FEE)).as("the fee taken at the release comes back exactly").isZero();
        assertThat(journal.balance(MARKETING)).isZero();
        assertThat(journal.balance(POINTS)).isZero();
        assertThat(journal.balance(ESCROW)).isZero();
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aCombinationTradeRefundedWholeInEscrowHasNothingToRelease() {
        pay(coupon(50, FundedBy.MERCHANT), points(20));
        RefundShares whole = RefundShares.of(Money.cny(PRICE), Money.cny(PRICE - 70), Money.cny(0), Money.cny(PRICE));
        journal.post(entries.refund(refund("r1", PRICE, whole)));
        assertThat(journal.balance(ESCROW)).isZero();

        assertThatThrownBy(() -> journal.post(entries.release(new ReleasePostingCmd("REL-T1", "T1", "M1", Money.cny(1)))))
                .isInstanceOf(BizException.class).hasMessageContaining("escrow holds 0");
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aOneToolGuaranteeTradeStillRefusesAReleaseAboveWhatEscrowHolds() {
        journal.post(entries.payment(new PaymentPostingCmd("p1", "T1", "P1", "U1", "M1", Money.cny(PRICE), true)));

        assertThatThrownBy(() -> journal.post(entries.release(new ReleasePostingCmd("REL-T1", "T1", "M1", Money.cny(PRICE + 1)))))
                .isInstanceOf(BizException.class);
        assertThat(journal.post(entries.release(new ReleasePostingCmd("REL-T1", "T1", "M1", Money.cny(PRICE)))).lines())
                .contains(line(ESCROW, Side.DEBIT, PRICE));
    }

    private void pay(PromotionPart... parts) {
        journal.post(entries.payment(new PaymentPostingCmd("p1", "T1", "P1", "U1", "M1", Money.cny(PRICE), true, null,
                List.of(parts))));
        assertThat(journal.imbalance()).isZero();
    }

    private static RefundPostingCmd refund(String refundNo, long amount, RefundShares shares) {
        return new RefundPostingCmd(refundNo, "T1", refundNo, "U1", "M1", Money.cny(amount), null, null, true, null,
                shares.cash(), shares.wholeTrade());
    }

    private static PromotionPart coupon(long amount, FundedBy fundedBy) {
        return new PromotionPart(PromotionPart.Kind.COUPON, "C1", Money.cny(amount), fundedBy);
    }

    private static PromotionPart points(long amount) {
        return new PromotionPart(PromotionPart.Kind.POINTS, "P1", Money.cny(amount), FundedBy.PLATFORM);
    }

    private static PostingLine line(AccountRef account, Side side, long amount) {
        return new PostingLine(account, side, amount);
    }
}
