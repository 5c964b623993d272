package io.paysuite.api.trade;

/** How the money moves after payment. */
public enum TradeType {
    /** Paid money goes to the merchant's pending settlement at once. */
    INSTANT,
    /** Escrow: {@code SUCCESS} means paid and held; confirmation moves it to {@code FINISHED}. */
    GUARANTEE,
    /**
     * Pre-authorisation: paying freezes the amount ({@code AUTHORIZED}); the merchant captures up to
     * it once ({@code CAPTURED}, the rest released) or voids it ({@code VOIDED}). Never moves money to
     * the merchant before the capture.
     */
    PREAUTH
}
