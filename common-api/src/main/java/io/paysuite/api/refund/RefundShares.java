package io.paysuite.api.refund;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.math.BigInteger;

/**
 * How a refund of a combination payment is split among the parts that paid (docs/adr/0008, "Refunds") —
 * the one rule trade-core (what the channel or wallet returns) and the ledger (the entry) both apply.
 *
 * <p>A refund is asked for in the trade's price ({@code paid_amount}). The buyer's cash part gets its pro
 * rata share of the <em>cumulative</em> refunds, rounded down: after refunds totalling {@code A} the cash
 * returned is {@code floor(A × cash / paid)}, so each refund returns the difference between that figure after
 * it and before it. The shares of successive refunds therefore add up, cent for cent, to exactly the cash
 * part when the trade is refunded in full, whatever the amounts; no refund returns more cash than it asked
 * for; and the last refund returns exactly what is left of the cash. The rest of each refund is the coupon's
 * and the points' share ({@link #promotion}): it is returned as a coupon and points, not as cash, and only by
 * the refund that brings the refunds to the full price ({@link #wholeTrade}) — a partial refund keeps the
 * coupon used, as WeChat Pay keeps a promotion until its whole order is refunded.
 *
 * @param cash       what the buyer's cash tool (wallet, channel or card) gives back for this refund
 * @param promotion  the refund less {@code cash}: the coupon's and points' share, given back on the whole refund
 * @param wholeTrade the refunds now add up to the full price: the coupon and points go back with this one
 */
public record RefundShares(Money cash, Money promotion, boolean wholeTrade) implements Serializable {

    /**
     * @param paid           the trade's full price (what refunds may add up to)
     * @param cashPaid       what the buyer paid in cash: {@code paid} less the coupon and points
     * @param refundedBefore the refunds accepted before this one (in acceptance order, under the trade's lock)
     * @param refund         this refund
     */
    public static RefundShares of(Money paid, Money cashPaid, Money refundedBefore, Money refund) {
        long p = paid.minor();
        long before = refundedBefore.minor();
        long after = Math.addExact(before, refund.minor());
        if (p <= 0 || cashPaid.minor() < 0 || cashPaid.minor() > p || before < 0 || refund.minor() <= 0 || after > p) {
            throw new IllegalArgumentException("no refund " + refund + " after " + refundedBefore + " of " + paid
                    + " paid (" + cashPaid + " in cash)");
        }
        long cash = cashReturned(after, cashPaid.minor(), p) - cashReturned(before, cashPaid.minor(), p);
        return new RefundShares(Money.of(cash, refund.currency()), Money.of(refund.minor() - cash, refund.currency()), after == p);
    }

    /** The cash returned once refunds total {@code refunded}: floor(refunded × cash / paid), without overflow. */
    private static long cashReturned(long refunded, long cash, long paid) {
        return BigInteger.valueOf(refunded).multiply(BigInteger.valueOf(cash))
                .divide(BigInteger.valueOf(paid)).longValueExact();
    }
}
