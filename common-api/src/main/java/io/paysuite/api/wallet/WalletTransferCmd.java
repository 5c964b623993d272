package io.paysuite.api.wallet;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * Send wallet money to another buyer.
 *
 * @param fromBuyerId the sender (the logged-in buyer)
 * @param toPhone     the receiver's registered phone
 * @param amount      positive, CNY minor units
 * @param requestNo   the sender's idempotency key, 6–64 of {@code [A-Za-z0-9_-]}
 * @param payPassword the sender's payment password; never logged
 */
public record WalletTransferCmd(String fromBuyerId, String toPhone, Money amount, String requestNo, String payPassword)
        implements Serializable {

    @Override
    public String toString() {
        return "WalletTransferCmd[fromBuyerId=" + fromBuyerId + ", amount=" + amount + ", requestNo=" + requestNo + "]";
    }
}
