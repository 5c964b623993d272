package io.paysuite.api.trade;

/** How the money moves after payment. */
public enum TradeType {
    /** Paid money goes to the merchant's pending settlement at once. */
    INSTANT,
    /** Escrow: {@code SUCCESS} means paid and held; confirmation moves it to {@code FINISHED}. */
    GUARANTEE
}
