package io.paysuite.api.event;

/** The timer of a trade's expiry (or of a hop towards it). */
public record TradeExpiryDue(String tradeNo) {
}
