package io.paysuite.accounting.ledger;

import java.math.BigInteger;

/**
 * How the platform's fee is computed, and how much of it a refund gives back.
 *
 * <p><b>Charging.</b> {@code fee = round-half-up(amount × rateBps / 10000)}, in minor units, and never
 * above {@code amount}. Example at 60 bps (0.60 %): 100 → 0.6 → 1; 83 → 0.498 → 0; 84 → 0.504 → 1;
 * 10000 → 60. The product is formed in {@link BigInteger}, so no amount a {@code long} can hold
 * overflows; a rate is 0–10000 bps, so the fee is at most the amount (the cap is kept anyway, as
 * the invariant the ledger relies on: merchant pending is credited {@code amount − fee ≥ 0}).
 *
 * <p><b>Refunding.</b> The fee given back is pro rata on the <em>cumulative</em> refunded amount,
 * each time rounded down:
 * <pre>
 *   feeRefund = floor(feeCharged × (refundedBefore + refund) / paidTotal)
 *             − floor(feeCharged × refundedBefore / paidTotal)
 * </pre>
 * The differences telescope, so however a trade is refunded in parts, the fee returned so far is
 * {@code floor(feeCharged × refundedSoFar / paidTotal)} and a full refund returns exactly
 * {@code feeCharged} — no cent of fee is kept or given twice because of rounding. Rounding down
 * favours the platform on a partial refund by less than one minor unit; the last refund evens it.
 * {@code feeCharged} is the fee actually posted for the trade (read from the journal), not a
 * recomputation at today's rate.
 */
public final class FeeRule {

    /** 10000 basis points = 100 %. */
    public static final int BPS_PER_UNIT = 10_000;

    private static final BigInteger DENOMINATOR = BigInteger.valueOf(BPS_PER_UNIT);
    private static final BigInteger HALF = BigInteger.valueOf(BPS_PER_UNIT / 2);

    private FeeRule() {
    }

    /** The fee on {@code amount} at {@code rateBps}; see the class doc. */
    public static long fee(long amount, int rateBps) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        requireRate(rateBps);
        long fee = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(rateBps))
                .add(HALF).divide(DENOMINATOR).longValueExact();
        return Math.min(fee, amount);
    }

    /** The part of {@code feeCharged} a refund of {@code refund} gives back; see the class doc. */
    public static long feeRefund(long feeCharged, long paidTotal, long refundedBefore, long refund) {
        if (paidTotal <= 0 || refund <= 0 || refundedBefore < 0 || feeCharged < 0 || feeCharged > paidTotal) {
            throw new IllegalArgumentException("bad refund: fee " + feeCharged + " paid " + paidTotal
                    + " before " + refundedBefore + " refund " + refund);
        }
        long refundedAfter = Math.addExact(refundedBefore, refund);
        if (refundedAfter > paidTotal) {
            throw new IllegalArgumentException("refunds " + refundedAfter + " exceed paid " + paidTotal);
        }
        return proRata(feeCharged, refundedAfter, paidTotal) - proRata(feeCharged, refundedBefore, paidTotal);
    }

    /**
     * The part of {@code feeCharged} a refund gives back when the journal says {@code feeReturned}
     * was given back so far: what brings the fee returned to {@code floor(feeCharged × (refundedBefore
     * + refund) / base)}, never below 0 nor above the refund or the fee left. Without reversals
     * {@code feeReturned} is exactly that floor at {@code refundedBefore} and this is
     * {@link #feeRefund(long, long, long, long)}; after a refund was reversed (its fee back in
     * income) or the fee grew by a later release, reading the fee actually returned keeps a full
     * refund returning exactly {@code feeCharged}, not one minor unit off.
     */
    public static long feeRefund(long feeCharged, long base, long refundedBefore, long refund, long feeReturned) {
        if (feeReturned < 0 || feeReturned > feeCharged) {
            throw new IllegalArgumentException("fee returned " + feeReturned + " outside 0.." + feeCharged);
        }
        feeRefund(feeCharged, base, refundedBefore, refund); // the same argument checks
        long due = proRata(feeCharged, refundedBefore + refund, base) - feeReturned;
        return Math.max(0, Math.min(due, Math.min(refund, feeCharged - feeReturned)));
    }

    public static void requireRate(int rateBps) {
        if (rateBps < 0 || rateBps > BPS_PER_UNIT) {
            throw new IllegalArgumentException("rate must be 0–10000 bps: " + rateBps);
        }
    }

    private static long proRata(long fee, long part, long whole) {
        return BigInteger.valueOf(fee).multiply(BigInteger.valueOf(part))
                .divide(BigInteger.valueOf(whole)).longValueExact();
    }
}
