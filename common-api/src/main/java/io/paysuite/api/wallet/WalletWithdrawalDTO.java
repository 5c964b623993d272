package io.paysuite.api.wallet;

import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutStatus;
import java.io.Serializable;
import java.time.Instant;

/**
 * A withdrawal and where its payout stands ({@code PROCESSING} until the payout channel's final answer).
 *
 * @param bankAccount the payout's account, masked ({@code ****} + last four)
 */
public record WalletWithdrawalDTO(String withdrawalNo, String buyerId, String cardId, Money amount, String requestNo,
                                  String payoutNo, String bankAccount, PayoutStatus status, Instant createdAt,
                                  Instant finishedAt) implements Serializable {
}
