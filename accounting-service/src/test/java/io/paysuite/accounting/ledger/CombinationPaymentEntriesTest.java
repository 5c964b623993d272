package io.paysuite.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.PromotionPart;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.FundedBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CombinationPaymentEntriesTest {

    private final TradeEntries entries = new TradeEntries(new EntryRules(Set.of("CNY")), new OneFeeRate());

    private static final PromotionPart PLATFORM_COUPON = new PromotionPart(PromotionPart.Kind.COUPON, "C1", Money.cny(1_000), FundedBy.PLATFORM);
    private static final PromotionPart MERCHANT_COUPON = new PromotionPart(PromotionPart.Kind.COUPON, "C2", Money.cny(1_000), FundedBy.MERCHANT);
    private static final PromotionPart POINTS = new PromotionPart(PromotionPart.Kind.POINTS, "P1", Money.cny(500), FundedBy.PLATFORM);

    @Test
    void aPlatformCouponIsMarketingExpenseAndTheMerchantIsCreditedTheFullPrice() {
        EntryDraft draft = entries.payment(combination(null, false, PLATFORM_COUPON));
        assertThat(draft.lines()).containsExactly(
                line(AccountType.BUYER_WALLET, "U1", Side.DEBIT, 9_000),
                line(AccountType.MARKETING_EXPENSE, AccountRef.PLATFORM, Side.DEBIT, 1_000),
                line(AccountType.MERCHANT_PENDING, "M1", Side.CREDIT, 9_940),
                line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.CREDIT, 60));
    }

    @Test
    void aMerchantCouponReducesTheMerchantsCreditAndTheFeeIsOnWhatItReceives() {
        EntryDraft draft = entries.payment(combination(null, false, MERCHANT_COUPON));
        assertThat(draft.lines()).containsExactly(
                line(AccountType.BUYER_WALLET, "U1", Side.DEBIT, 9_000),
                line(AccountType.MERCHANT_PENDING, "M1", Side.CREDIT, 8_946),
                line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.CREDIT, 54));
    }

    @Test
    void pointsAreRedeemedFromThePointsLiabilityAndTheChannelPaysTheRest() {
        EntryDraft draft = entries.payment(combination("WECHAT", false, PLATFORM_COUPON, POINTS));
        assertThat(draft.lines()).containsExactly(
                line(AccountType.CHANNEL_CLEARING, "WECHAT", Side.DEBIT, 8_500),
                line(AccountType.MARKETING_EXPENSE, AccountRef.PLATFORM, Side.DEBIT, 1_000),
                line(AccountType.POINTS_LIABILITY, AccountRef.PLATFORM, Side.DEBIT, 500),
                line(AccountType.MERCHANT_PENDING, "M1", Side.CREDIT, 9_940),
                line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.CREDIT, 60));
    }

    @Test
    void everyMixOfPartsToolsAndEscrowBalances() {
        List<List<PromotionPart>> mixes = List.of(List.of(), List.of(PLATFORM_COUPON), List.of(MERCHANT_COUPON), List.of(POINTS),
                List.of(PLATFORM_COUPON, POINTS), List.of(MERCHANT_COUPON, POINTS));
        for (List<PromotionPart> parts : mixes) {
            for (String channel : new String[] {null, "ALIPAY"}) {
                for (boolean escrow : new boolean[] {false, true}) {
                    EntryDraft draft = entries.payment(combination(channel, escrow, parts.toArray(PromotionPart[]::new)));
                    assertThat(sum(draft.lines(), Side.DEBIT)).as("%s %s %s", parts, channel, escrow)
                            .isEqualTo(sum(draft.lines(), Side.CREDIT));
                    long merchantCoupon = parts.contains(MERCHANT_COUPON) ? 1_000 : 0;
                    assertThat(sum(draft.lines(), Side.CREDIT)).isEqualTo(10_000 - merchantCoupon);
                }
            }
        }
    }

    @Test
    void aPaymentWithPartsIsDifferentContentUnderTheSameKey() {
        assertThat(entries.payment(combination(null, false, PLATFORM_COUPON)).digest())
                .isNotEqualTo(entries.payment(combination(null, false)).digest())
                .isNotEqualTo(entries.payment(combination(null, false, MERCHANT_COUPON)).digest());
    }

    @Test
    void partsAboveThePriceAreRefused() {
        PromotionPart more = new PromotionPart(PromotionPart.Kind.POINTS, "P9", Money.cny(9_001), FundedBy.PLATFORM);
        assertThatThrownBy(() -> entries.payment(combination(null, false, PLATFORM_COUPON, more))).isInstanceOf(BizException.class);
    }

    @Test
    void aCouponAndPointsThatPayTheWholePriceAreTheEntryWithNoWalletOrClearingLine() {
        PromotionPart rest = new PromotionPart(PromotionPart.Kind.POINTS, "P1", Money.cny(9_000), FundedBy.PLATFORM);
        for (String channel : new String[] {null, "WECHAT"}) {
            assertThat(entries.payment(combination(channel, false, PLATFORM_COUPON, rest)).lines()).containsExactly(
                    line(AccountType.MARKETING_EXPENSE, AccountRef.PLATFORM, Side.DEBIT, 1_000),
                    line(AccountType.POINTS_LIABILITY, AccountRef.PLATFORM, Side.DEBIT, 9_000),
                    line(AccountType.MERCHANT_PENDING, "M1", Side.CREDIT, 9_940),
                    line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.CREDIT, 60));
        }
        assertThat(entries.payment(combination(null, true, MERCHANT_COUPON, rest)).lines()).as("a merchant coupon in escrow")
                .containsExactly(line(AccountType.POINTS_LIABILITY, AccountRef.PLATFORM, Side.DEBIT, 9_000),
                        line(AccountType.ESCROW, "M1", Side.CREDIT, 9_000));
    }

    @Test
    void aCouponWithoutItsFunderIsRefused() {
        PromotionPart nobody = new PromotionPart(PromotionPart.Kind.COUPON, "C9", Money.cny(100), null);
        assertThatThrownBy(() -> entries.payment(combination(null, false, nobody))).isInstanceOf(BizException.class);
    }

    private static PaymentPostingCmd combination(String channel, boolean escrow, PromotionPart... parts) {
        return new PaymentPostingCmd("p1", "T1", "P1", "U1", "M1", Money.cny(10_000), escrow, channel, new ArrayList<>(List.of(parts)));
    }

    private static long sum(List<PostingLine> lines, Side side) {
        return lines.stream().filter(l -> l.side() == side).mapToLong(PostingLine::amount).sum();
    }

    private static PostingLine line(AccountType type, String owner, Side side, long amount) {
        return new PostingLine(new AccountRef(type, owner, "CNY"), side, amount);
    }
}
