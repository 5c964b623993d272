package io.paysuite.accounting.ledger;

import static io.paysuite.accounting.ledger.EntryRules.require;
import static io.paysuite.accounting.ledger.EntryRules.requireText;

import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PromotionPart;
import io.paysuite.api.promotion.FundedBy;

/**
 * A combination payment's coupon and points by who pays for them (docs/adr/0008): the platform's
 * coupons become marketing expense, the merchant's reduce its credit, points are redeemed from the
 * points liability. Each part must be positive and in the payment's currency.
 */
record PromotionShares(long platformCoupons, long merchantCoupons, long points) {

    static PromotionShares of(PaymentPostingCmd cmd, EntryRules rules) {
        long platform = 0;
        long merchant = 0;
        long points = 0;
        for (PromotionPart part : cmd.parts()) {
            require(part != null && part.kind() != null, "a part needs its kind");
            requireText(part.ref(), "part.ref", EntryRules.MAX_KEY);
            rules.requirePositive(part.amount(), "part.amount");
            require(part.amount().currency().equals(cmd.amount().currency()), "part " + part.ref() + " is in "
                    + part.amount().currency() + ", the payment in " + cmd.amount().currency());
            long value = part.amount().minor();
            switch (part.kind()) {
                case COUPON -> {
                    require(part.fundedBy() != null, "coupon " + part.ref() + " needs who funds it");
                    if (part.fundedBy() == FundedBy.MERCHANT) {
                        merchant = Math.addExact(merchant, value);
                    } else {
                        platform = Math.addExact(platform, value);
                    }
                }
                case POINTS -> {
                    require(part.fundedBy() == null || part.fundedBy() == FundedBy.PLATFORM, "points are the platform's");
                    points = Math.addExact(points, value);
                }
            }
        }
        return new PromotionShares(platform, merchant, points);
    }

    long total() {
        return platformCoupons + merchantCoupons + points;
    }
}
