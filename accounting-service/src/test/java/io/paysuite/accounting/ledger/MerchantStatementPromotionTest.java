package io.paysuite.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PromotionPart;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.ledger.RefundReversalCmd;
import io.paysuite.api.ledger.StatementLineDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.refund.RefundShares;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bill rows of combination payments and their refunds, from the entries the ledger really posts: every row
 * keeps {@code gross = merchantDiscount + fee + net + held}, a platform coupon and points count in gross as the cash
 * does, a merchant coupon is the row's merchant discount, and a payment's rows and its refunds' rows add up to nothing.
 */
class MerchantStatementPromotionTest {

    private static final long PRICE = 3_000;

    private final TradeEntries entries = new TradeEntries(new EntryRules(Set.of("CNY")), new OneFeeRate());
    private final InMemoryJournal journal = InMemoryJournal.withWallet("U1", 100_000);

    @Test
    void aPlatformCouponAndPointsCountInTheGrossOfThePaymentRowWhichIsThePrice() {
        StatementLineDTO row = row(pay(coupon(500, FundedBy.PLATFORM), points(1_000)));

        assertThat(row.gross()).as("the price: cash 15.00 + coupon 5.00 + points 10.00").isEqualTo(PRICE);
        assertThat(row.gross()).isEqualTo(row.fee() + row.net() + row.held());
        assertThat(row.fee()).isEqualTo(18); // 0.60 % of 30.00
    }

    @Test
    void aMerchantCouponIsShownAsTheMerchantsDiscountAndTheRowStillCountsThePrice() {
        StatementLineDTO row = row(pay(coupon(500, FundedBy.MERCHANT), points(1_000)));

        assertThat(row.gross()).as("the price").isEqualTo(PRICE);
        assertThat(row.merchantDiscount()).as("the merchant's own 5.00 coupon").isEqualTo(500);
        assertThat(row.fee() + row.net()).as("what is settled: 30.00 − 5.00").isEqualTo(2_500);
        assertThat(row.gross()).isEqualTo(row.merchantDiscount() + row.fee() + row.net() + row.held());
    }

    @Test
    void theWholeRefundOfAMerchantCouponPaymentGivesTheDiscountBackOnItsRowAndAPartialOneDoesNot() {
        StatementLineDTO paid = row(pay(coupon(500, FundedBy.MERCHANT)));

        StatementLineDTO first = row(refund("r1", 1_000, 0));
        StatementLineDTO last = row(refund("r2", 2_000, 1_000));

        assertThat(first.merchantDiscount()).isZero();
        assertThat(first.gross()).as("its cash share 10.00 × 25.00 / 30.00").isEqualTo(-833);
        assertThat(last.merchantDiscount()).isEqualTo(-500);
        assertThat(List.of(paid, first, last)).allSatisfy(r -> assertThat(r.gross())
                .isEqualTo(r.merchantDiscount() + r.fee() + r.net() + r.held()));
        assertThat(paid.gross() + first.gross() + last.gross()).isZero();
        assertThat(paid.merchantDiscount() + first.merchantDiscount() + last.merchantDiscount()).isZero();
    }

    @Test
    void aReversedWholeRefundTakesItsMerchantDiscountBackAndStillNamesTheRefundItReverses() {
        StatementLineDTO paid = row(pay(coupon(500, FundedBy.MERCHANT)));
        StatementLineDTO refunded = row(refund("r1", PRICE, 0));

        StatementLineDTO reversed = row(journal.post(entries.refundReversal(new RefundReversalCmd("RREV-r1", "T1", "r1"))));

        assertThat(reversed.merchantDiscount()).isEqualTo(500);
        assertThat(refunded.gross() + reversed.gross()).isZero();
        assertThat(paid.gross()).isEqualTo(PRICE);
        StatementLineDTO again = row(refund("r2", PRICE, 0));
        assertThat(again.merchantDiscount()).as("the trade can be refunded again, discount and all").isEqualTo(-500);
    }

    @Test
    void refundsInTwoPartsAreRowsThatKeepTheRuleAndTakeBackExactlyWhatThePaymentRowCounted() {
        StatementLineDTO paid = row(pay(coupon(500, FundedBy.PLATFORM), points(1_000)));

        StatementLineDTO first = row(refund("r1", 1_000, 0));
        StatementLineDTO last = row(refund("r2", 2_000, 1_000));

        assertThat(List.of(first, last)).allSatisfy(r -> assertThat(r.gross()).isEqualTo(r.fee() + r.net() + r.held()));
        assertThat(first.gross()).as("a partial refund: its cash share 10.00 × 15.00 / 30.00").isEqualTo(-500);
        assertThat(last.gross()).as("the whole refund: the cash left with the coupon and the points").isEqualTo(-2_500);
        assertThat(paid.gross() + first.gross() + last.gross()).isZero();
        assertThat(paid.fee() + first.fee() + last.fee()).as("the fee charged comes back exactly").isZero();
    }

    private long promotion;

    private JournalEntryDTO pay(PromotionPart... parts) {
        return journal.post(entries.payment(new PaymentPostingCmd("p1", "T1", "P1", "U1", "M1", Money.cny(PRICE), false, null,
                List.of(parts))));
    }

    private JournalEntryDTO refund(String refundNo, long amount, long before) {
        RefundShares shares = RefundShares.of(Money.cny(PRICE), Money.cny(PRICE - promotion), Money.cny(before),
                Money.cny(amount));
        return journal.post(entries.refund(new RefundPostingCmd(refundNo, "T1", refundNo, "U1", "M1", Money.cny(amount), null,
                null, false, null, shares.cash(), shares.wholeTrade())));
    }

    private StatementLineDTO row(JournalEntryDTO entry) {
        return MerchantStatement.line(entry, "M1", "M1", journal.memoOf(entry.postingKey()));
    }

    private PromotionPart coupon(long amount, FundedBy fundedBy) {
        promotion += amount;
        return new PromotionPart(PromotionPart.Kind.COUPON, "C1", Money.cny(amount), fundedBy);
    }

    private PromotionPart points(long amount) {
        promotion += amount;
        return new PromotionPart(PromotionPart.Kind.POINTS, "P1", Money.cny(amount), FundedBy.PLATFORM);
    }
}
