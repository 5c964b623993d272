package io.paysuite.api.ledger;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.FundedBy;
import java.io.Serializable;

/**
 * A part of a combination payment that is not the buyer's cash: a coupon or points. The ledger books
 * who pays for it (docs/adr/0008): a {@code PLATFORM}-funded coupon is {@code MARKETING_EXPENSE} and the
 * merchant is credited the full price; a {@code MERCHANT}-funded one reduces what the merchant is
 * credited; points are redeemed from {@code POINTS_LIABILITY} (always the platform's).
 *
 * @param ref      the coupon id, or the points use key (the pay order number)
 * @param fundedBy who pays for the discount; {@code PLATFORM} for points
 */
public record PromotionPart(Kind kind, String ref, Money amount, FundedBy fundedBy) implements Serializable {

    public enum Kind { COUPON, POINTS }
}
