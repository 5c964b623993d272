package io.paysuite.api.event;

/**
 * The body of {@code TRADE_FINISHED}: what the ledger releases from escrow to the merchant.
 *
 * @param releaseMinor the paid amount less what was refunded, in minor units of {@code currency}
 */
public record TradeFinished(String tradeNo, String merchantId, long releaseMinor, String currency) {
}
