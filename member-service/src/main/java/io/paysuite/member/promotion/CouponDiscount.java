package io.paysuite.member.promotion;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponKind;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The one discount rule. A fixed amount takes off at most the order less 0.01 (the buyer always pays
 * something: a zero-amount payment has no channel and no ledger entry to carry it); a percentage takes
 * off the floor of the percentage (never rounds up in the buyer's favour at the funder's cost), then its
 * cap, then the same 0.01 floor. Below the minimum spend, or in another currency, the coupon does not
 * apply at all (empty), as does a discount that would come to zero.
 */
public final class CouponDiscount {

    private static final long LEAST_PAID_MINOR = 1;

    private CouponDiscount() {
    }

    public static Optional<Money> on(CouponTerms terms, Money order) {
        if (order == null || !order.currency().equals(terms.currency()) || order.minor() <= LEAST_PAID_MINOR
                || order.minor() < terms.minSpendMinor()) {
            return Optional.empty();
        }
        long off = terms.kind() == CouponKind.FIXED_AMOUNT ? terms.amountMinor() : percentOf(order.minor(), terms.percentOff());
        if (terms.kind() == CouponKind.PERCENTAGE && terms.capMinor() != null) {
            off = Math.min(off, terms.capMinor());
        }
        off = Math.min(off, order.minor() - LEAST_PAID_MINOR);
        return off > 0 ? Optional.of(Money.of(off, order.currency())) : Optional.empty();
    }

    /** floor(minor × percent / 100) without overflow for any 64-bit amount. */
    private static long percentOf(long minor, int percent) {
        return BigInteger.valueOf(minor).multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100)).longValueExact();
    }
}
