package io.paysuite.api.payout;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.time.Instant;

/**
 * A payout as the payout channel last answered it.
 *
 * @param bankAccount     masked: the last four digits only
 * @param channelPayoutNo the payout channel's own number, once it gave one
 * @param failureCode     the channel's code when {@code FAILED} (money returns to its owner)
 */
public record PayoutDTO(String payoutNo, PayoutPurpose purpose, String ownerId, Money amount, String bankAccount,
                        PayoutStatus status, String channelPayoutNo, String failureCode, Instant createdAt,
                        Instant finishedAt) implements Serializable {
}
