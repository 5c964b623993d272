package io.paysuite.api.wallet;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * Withdraw wallet money to one of the buyer's bound cards.
 *
 * @param cardId      the bound card's id ({@code C…}); a card of another buyer reads as not found
 * @param requestNo   the buyer's idempotency key, 6–64 of {@code [A-Za-z0-9_-]}
 * @param payPassword the buyer's payment password; never logged
 */
public record WalletWithdrawCmd(String buyerId, String cardId, Money amount, String requestNo, String payPassword)
        implements Serializable {

    @Override
    public String toString() {
        return "WalletWithdrawCmd[buyerId=" + buyerId + ", cardId=" + cardId + ", amount=" + amount + ", requestNo="
                + requestNo + "]";
    }
}
