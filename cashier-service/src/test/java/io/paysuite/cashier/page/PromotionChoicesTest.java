package io.paysuite.cashier.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.CouponOfferDTO;
import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.promotion.PointsAccountDTO;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionChoicesTest {

    private static final Money TOTAL = Money.cny(3_000);

    static CouponOfferDTO offer(String id, long discount, FundedBy fundedBy) {
        return new CouponOfferDTO(new CouponDTO(id, "TPL", "U7", id + " name", CouponKind.FIXED_AMOUNT, Money.cny(discount), null,
                null, null, Instant.now(), Instant.now().plusSeconds(3600), fundedBy, null, CouponStatus.AVAILABLE, null),
                Money.cny(discount));
    }

    @Test
    void theLargestDiscountMemberServiceListsFirstIsPreselected() {
        PromotionChoices choices = PromotionChoices.of(TOTAL, List.of(offer("C9", 800, FundedBy.MERCHANT), offer("C1", 500,
                FundedBy.PLATFORM)), new PointsAccountDTO("U7", 2_000, 0, Money.cny(2_000)));

        assertThat(choices.preselected()).isEqualTo("C9");
        assertThat(choices.coupons()).extracting(PromotionChoices.CouponChoice::discountText).containsExactly("¥8.00", "¥5.00");
        assertThat(choices.hasPoints()).isTrue();
        assertThat(choices.pointsWorthText("CNY")).isEqualTo("¥20.00");
    }

    @Test
    void aDiscountThatWouldPayTheWholeOrderOrNothingIsNotOffered() {
        PromotionChoices choices = PromotionChoices.of(TOTAL, List.of(offer("ALL", 3_000, FundedBy.PLATFORM), offer("ZERO", 0,
                FundedBy.PLATFORM)), new PointsAccountDTO("U7", 0, 0, Money.cny(0)));

        assertThat(choices.coupons()).isEmpty();
        assertThat(choices.preselected()).isNull();
        assertThat(choices.hasPoints()).isFalse();
    }

    @Test
    void pointsPayAfterTheCouponUpToAllItLeaves() {
        PromotionChoices choices = PromotionChoices.of(TOTAL, List.of(offer("C1", 500, FundedBy.PLATFORM)),
                new PointsAccountDTO("U7", 1_000, 0, Money.cny(1_000)));

        assertThat(choices.breakdown(TOTAL, "C1", true)).isEqualTo(new PayBreakdown(TOTAL, Money.cny(500), Money.cny(1_000),
                Money.cny(1_500), false));
        assertThat(choices.breakdown(TOTAL, null, false)).isEqualTo(new PayBreakdown(TOTAL, Money.cny(0), Money.cny(0), TOTAL, false));
        assertThat(choices.breakdown(TOTAL, "NOT-OFFERED", false).coupon()).as("an unknown coupon gives nothing").isEqualTo(Money.cny(0));

        PromotionChoices rich = PromotionChoices.of(TOTAL, List.of(offer("C1", 500, FundedBy.PLATFORM)),
                new PointsAccountDTO("U7", 900_000, 0, Money.cny(9_000)));
        PayBreakdown covered = rich.breakdown(TOTAL, "C1", true);
        assertThat(covered.points()).isEqualTo(Money.cny(2_500));
        assertThat(covered.rest()).isEqualTo(Money.cny(0));
        assertThat(covered.covered()).as("coupon and points pay the whole order").isTrue();
        assertThat(covered.restText()).isEqualTo("¥0.00");
    }

    @Test
    void withoutMemberServiceTheFormOffersNoCouponAndSaysWhy() {
        PromotionChoices none = PromotionChoices.unavailable();

        assertThat(none.coupons()).isEmpty();
        assertThat(none.hasPoints()).isFalse();
        assertThat(none.noteKey()).isEqualTo("pay.promotion.unavailable");
    }
}
