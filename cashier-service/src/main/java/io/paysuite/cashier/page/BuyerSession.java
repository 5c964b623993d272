package io.paysuite.cashier.page;

import java.time.Instant;

/** A buyer logged in on one trade's cashier page, as its signed cookie says. */
public record BuyerSession(String buyerId, String tradeNo, Instant expiresAt) {
}
