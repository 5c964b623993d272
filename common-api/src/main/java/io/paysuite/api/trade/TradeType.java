package io.paysuite.api.trade;

/** How the money moves after payment. */
public enum TradeType {
    /** Paid money goes to the merchant's pending settlement at once. */
    INSTANT,
    /** Escrow: {@code SUCCESS} means paid and held; confirmation moves it to {@code FINISHED}. */
    GUARANTEE,
    /**
     * A buyer's wallet top-up, created by the cashier's wallet page for the platform itself (never by a
     * merchant): paid through a channel, the payment credits the buyer's wallet instead of a merchant.
     */
    TOPUP,
    /**
     * Pre-authorisation: paying freezes the amount ({@code AUTHORIZED}); the merchant captures up to
     * it once ({@code CAPTURED}, the rest released) or voids it ({@code VOIDED}). Never moves money to
     * the merchant before the capture.
     */
    PREAUTH
}
