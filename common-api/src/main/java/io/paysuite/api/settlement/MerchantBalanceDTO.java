package io.paysuite.api.settlement;

import java.io.Serializable;

/**
 * A merchant's money on the ledger, minor units: {@code pending} paid and not yet settled
 * ({@code MERCHANT_PENDING}), {@code available} settled and not paid out ({@code MERCHANT_AVAILABLE},
 * negative when refunds after settlement exceeded it), {@code held} escrow of guarantee trades
 * ({@code ESCROW}) and any other hold.
 */
public record MerchantBalanceDTO(String merchantId, String currency, long pending, long available, long held)
        implements Serializable {
}
