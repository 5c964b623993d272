package io.paysuite.api.ledger;

import java.io.Serializable;

/**
 * An account's totals in minor units. {@code balance} is on the account's normal side and counts
 * every journal line, including lines of a hot account not yet applied to its balance row
 * ({@code buffered} says how much of it is such lines).
 */
public record AccountBalanceDTO(
        String code,
        AccountType type,
        long debit,
        long credit,
        long balance,
        long buffered) implements Serializable {
}
