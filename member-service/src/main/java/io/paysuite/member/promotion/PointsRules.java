package io.paysuite.member.promotion;

import io.paysuite.api.money.Money;
import java.math.BigInteger;

/**
 * How points are earned and what they pay, in whole redemption units.
 *
 * <p>With {@code redeemRate} points per 1.00 (100 minor units), the smallest exchange that is a whole
 * number on both sides is {@code unitPoints} points for {@code unitMinor} minor units (100 points per yuan:
 * 1 point = 0.01; 10 per yuan: 1 point = 0.10; 1000 per yuan: 10 points = 0.01). A use takes whole units
 * only, so a payment never carries a fraction of a cent and a buyer never loses a stray point.
 *
 * @param earnPerYuan points earned per 1.00 paid, rounded down
 * @param redeemRate  points that pay 1.00
 */
public record PointsRules(long earnPerYuan, long redeemRate) {

    private static final long MINOR_PER_YUAN = 100;

    public PointsRules {
        if (earnPerYuan < 0 || redeemRate < 1) {
            throw new IllegalArgumentException("earn-per-yuan must be >= 0 and redeem-rate >= 1");
        }
    }

    /** Points earned on {@code paid}: floor(paid × earnPerYuan / 100). */
    public long earnedOn(Money paid) {
        return BigInteger.valueOf(paid.minor()).multiply(BigInteger.valueOf(earnPerYuan))
                .divide(BigInteger.valueOf(MINOR_PER_YUAN)).longValueExact();
    }

    long unitPoints() {
        return redeemRate / gcd();
    }

    long unitMinor() {
        return MINOR_PER_YUAN / gcd();
    }

    /** As many whole units as both the balance and {@code maxValue} allow; 0 when not even one fits. */
    public long pointsFor(long available, Money maxValue) {
        long units = Math.min(available / unitPoints(), Math.max(0, maxValue.minor()) / unitMinor());
        return Math.multiplyExact(units, unitPoints());
    }

    /** What {@code points} (whole units) pay. */
    public Money valueOf(long points, String currency) {
        return Money.of(Math.multiplyExact(points / unitPoints(), unitMinor()), currency);
    }

    private long gcd() {
        return BigInteger.valueOf(redeemRate).gcd(BigInteger.valueOf(MINOR_PER_YUAN)).longValueExact();
    }
}
