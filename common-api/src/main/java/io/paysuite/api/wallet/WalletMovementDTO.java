package io.paysuite.api.wallet;

import java.io.Serializable;
import java.time.Instant;

/**
 * One change of a buyer's wallet, from a ledger line of it.
 *
 * @param kind    what moved it ({@link WalletMovementKind})
 * @param amount  signed minor units: positive into the wallet, negative out of it
 * @param bizNo   the entry's business number (trade, transfer or withdrawal number)
 */
public record WalletMovementDTO(String entryNo, WalletMovementKind kind, long amount, String currency, String bizNo,
                                Instant postedAt) implements Serializable {
}
