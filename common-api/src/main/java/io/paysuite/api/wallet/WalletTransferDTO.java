package io.paysuite.api.wallet;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.time.Instant;

/**
 * A transfer as recorded: it is done once it exists (the record commits with its journal entry).
 *
 * @param postingKey the key of its journal entry ({@code LedgerService.entryByKey})
 */
public record WalletTransferDTO(String transferNo, String fromBuyerId, String toBuyerId, Money amount, String requestNo,
                                String postingKey, Instant createdAt) implements Serializable {
}
