package io.paysuite.member.promotion;

import java.math.BigInteger;

/**
 * The points one paid trade earned its buyer ({@code points_earning}), and what its refunds did to them.
 *
 * <p>The rule for refunds: each succeeded refund takes back its pro rata share of the earned points, by the
 * <em>cumulative</em> refunds, rounded down — once refunds total {@code A} of the price {@code P},
 * {@code floor(points × A / P)} are due back, so each refund's share is the difference before and after it.
 * The shares telescope: a full refund, in one part or several, takes back every earned point, and a partial
 * refund never takes back more than its share. Only what the buyer still has available is taken: points
 * already spent (or frozen by a payment in flight) are forgiven, never taken below zero (the account stays
 * non-negative and the spending payment is not undone).
 *
 * @param buyerId       null only in a row written for an anonymous payment before such payments stopped writing one
 *                      ({@link PointsEarnings}): nothing earned, nothing to take back
 * @param points        earned on the cash part
 * @param priceMinor    the trade's paid amount (refunds are asked for in it)
 * @param refundedMinor succeeded refunds seen so far
 * @param takenBack     points taken back so far
 * @param forgiven      points due back that the buyer had already spent
 */
public record PointsEarning(String tradeNo, String buyerId, long points, long priceMinor, long cashMinor, String currency,
                            long refundedMinor, long takenBack, long forgiven) {

    /** The points due back for a refund of {@code refundMinor} after those seen; the refunds never pass the price. */
    public long dueFor(long refundMinor) {
        long after = Math.min(priceMinor, Math.addExact(refundedMinor, refundMinor));
        return dueAt(after) - dueAt(refundedMinor);
    }

    /** The refunds seen once {@code refundMinor} is added (capped at the price, as trade-core caps refunds). */
    public long refundedAfter(long refundMinor) {
        return Math.min(priceMinor, Math.addExact(refundedMinor, refundMinor));
    }

    private long dueAt(long refunded) {
        if (priceMinor <= 0) {
            return 0;
        }
        return BigInteger.valueOf(points).multiply(BigInteger.valueOf(refunded))
                .divide(BigInteger.valueOf(priceMinor)).longValueExact();
    }
}
