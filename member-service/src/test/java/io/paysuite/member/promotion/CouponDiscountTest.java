package io.paysuite.member.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.FundedBy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CouponDiscountTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    static CouponTerms fixed(long amount, long minSpend) {
        return new CouponTerms("5 off", CouponKind.FIXED_AMOUNT, amount, null, null, minSpend, "CNY", FROM, UNTIL,
                FundedBy.PLATFORM, null);
    }

    static CouponTerms percent(int percent, Long cap, long minSpend) {
        return new CouponTerms("10% off", CouponKind.PERCENTAGE, null, percent, cap, minSpend, "CNY", FROM, UNTIL,
                FundedBy.MERCHANT, "M1");
    }

    @Test
    void aFixedAmountTakesItsAmountOff() {
        assertThat(CouponDiscount.on(fixed(500, 2000), Money.cny(2500))).contains(Money.cny(500));
    }

    @Test
    void aFixedAmountNeverTakesTheWholeOrderTheBuyerPaysAtLeastOneCent() {
        assertThat(CouponDiscount.on(fixed(500, 0), Money.cny(500))).contains(Money.cny(499));
        assertThat(CouponDiscount.on(fixed(500, 0), Money.cny(300))).contains(Money.cny(299));
    }

    @Test
    void anOrderOfOneCentGetsNoDiscount() {
        assertThat(CouponDiscount.on(fixed(500, 0), Money.cny(1))).isEmpty();
    }

    @Test
    void belowTheMinimumSpendTheCouponDoesNotApply() {
        assertThat(CouponDiscount.on(fixed(500, 2000), Money.cny(1999))).isEmpty();
        assertThat(CouponDiscount.on(fixed(500, 2000), Money.cny(2000))).contains(Money.cny(500));
    }

    @Test
    void aPercentageIsRoundedDownNeverInTheBuyersFavour() {
        assertThat(CouponDiscount.on(percent(10, null, 0), Money.cny(1999))).contains(Money.cny(199));
        assertThat(CouponDiscount.on(percent(15, null, 0), Money.cny(333))).contains(Money.cny(49));
    }

    @Test
    void aPercentageStopsAtItsCap() {
        assertThat(CouponDiscount.on(percent(10, 800L, 0), Money.cny(5000))).contains(Money.cny(500));
        assertThat(CouponDiscount.on(percent(10, 800L, 0), Money.cny(100_000))).contains(Money.cny(800));
    }

    @Test
    void aPercentageThatComesToZeroDoesNotApply() {
        assertThat(CouponDiscount.on(percent(10, null, 0), Money.cny(9))).isEmpty();
    }

    @Test
    void anOrderInAnotherCurrencyGetsNoDiscount() {
        assertThat(CouponDiscount.on(fixed(500, 0), Money.of(2500, "USD"))).isEmpty();
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        assertThat(CouponDiscount.on(percent(99, null, 0), Money.cny(Long.MAX_VALUE)))
                .contains(Money.cny(Long.MAX_VALUE / 100 * 99 + (Long.MAX_VALUE % 100) * 99 / 100));
    }
}
