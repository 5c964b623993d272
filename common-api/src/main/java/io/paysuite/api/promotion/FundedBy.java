package io.paysuite.api.promotion;

/**
 * Who pays for a discount. The ledger books a platform-funded coupon as marketing expense and credits the
 * merchant the full price; a merchant-funded one reduces what the merchant receives.
 */
public enum FundedBy {
    PLATFORM,
    MERCHANT
}
