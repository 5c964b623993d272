package io.paysuite.api.event;

/** The body of {@code TRADE_PAYING}: which pay order holds the trade, for whom. */
public record TradePaying(String tradeNo, String payOrderNo, String buyerId) {
}
