package io.paysuite.accounting.wallet;

import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.wallet.WalletWithdrawalDTO;
import java.time.Instant;

/**
 * A buyer's withdrawal as stored; its payout number is its own number.
 *
 * @param cardLastFour the bound card's last four digits (the payout account is derived from the card, {@link PayoutAccount})
 */
public record Withdrawal(String withdrawalNo, String buyerId, String requestNo, String cardId, String cardLastFour,
                         Money amount, PayoutStatus status, Instant createdAt, Instant finishedAt) {

    public String payoutNo() {
        return withdrawalNo;
    }

    public boolean sameRequest(String cardId, Money amount) {
        return this.cardId.equals(cardId) && this.amount.equals(amount);
    }

    public WalletWithdrawalDTO toDTO() {
        return new WalletWithdrawalDTO(withdrawalNo, buyerId, cardId, amount, requestNo, payoutNo(), "****" + cardLastFour,
                status, createdAt, finishedAt);
    }
}
