package io.paysuite.api.event;

/** The body of {@code TRADE_PAY_ABANDONED}: which pay order gave the trade back, and why. */
public record TradePayAbandoned(String tradeNo, String payOrderNo, String reason) {
}
