package io.paysuite.cashier.page.wallet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.wallet.*}: the buyer's wallet page.
 *
 * @param platformMerchantId the merchant id of the platform's own trades (top-ups). Implicit: no merchant
 *                           row stands behind it — a top-up pays nobody (the ledger credits the buyer's wallet),
 *                           so nothing asks member-service about it; no merchant id member-service issues has this form
 * @param movements          how many of the last wallet movements the page lists
 * @param topUpExpiry        how long a top-up trade waits for its payment
 * @param progressRefresh    how often the top-up's QR or progress page asks again
 */
@ConfigurationProperties("paysuite.cashier.wallet")
public record WalletPageProperties(
        @DefaultValue("PLATFORM") String platformMerchantId,
        @DefaultValue("10") int movements,
        @DefaultValue("15m") Duration topUpExpiry,
        @DefaultValue("2s") Duration progressRefresh) {
}
