package io.paysuite.member.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.money.Money;
import org.junit.jupiter.api.Test;

class PointsRulesTest {

    @Test
    void onePointPerYuanPaidRoundedDown() {
        assertThat(new PointsRules(1, 100).earnedOn(Money.cny(12_399))).isEqualTo(123);
        assertThat(new PointsRules(1, 100).earnedOn(Money.cny(99))).isZero();
    }

    @Test
    void atAHundredPointsPerYuanEveryPointPaysOneCent() {
        PointsRules rules = new PointsRules(1, 100);

        assertThat(rules.pointsFor(2000, Money.cny(1234))).isEqualTo(1234);
        assertThat(rules.pointsFor(500, Money.cny(1234))).isEqualTo(500);
        assertThat(rules.valueOf(1234, "CNY")).isEqualTo(Money.cny(1234));
    }

    @Test
    void atTenPointsPerYuanOnlyWholeTenCentUnitsAreUsed() {
        PointsRules rules = new PointsRules(1, 10);

        assertThat(rules.pointsFor(2000, Money.cny(15))).isEqualTo(1);
        assertThat(rules.valueOf(1, "CNY")).isEqualTo(Money.cny(10));
        assertThat(rules.pointsFor(2000, Money.cny(9))).isZero();
    }

    @Test
    void atAThousandPointsPerYuanPointsGoInBlocksOfTen() {
        PointsRules rules = new PointsRules(1, 1000);

        assertThat(rules.pointsFor(1234, Money.cny(10_000))).isEqualTo(1230);
        assertThat(rules.valueOf(1230, "CNY")).isEqualTo(Money.cny(123));
        assertThat(rules.pointsFor(9, Money.cny(10_000))).isZero();
    }

    @Test
    void aZeroOrNegativeMaximumUsesNoPoints() {
        assertThat(new PointsRules(1, 100).pointsFor(2000, Money.cny(0))).isZero();
        assertThat(new PointsRules(1, 100).pointsFor(2000, Money.cny(-5))).isZero();
    }
}
