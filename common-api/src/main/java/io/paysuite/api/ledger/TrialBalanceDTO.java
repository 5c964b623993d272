package io.paysuite.api.ledger;

import java.io.Serializable;
import java.util.List;

/**
 * Every account's debit and credit totals. {@code balanced} is {@code totalDebit == totalCredit};
 * it holds at every moment because hot accounts' buffered lines are counted.
 */
public record TrialBalanceDTO(
        String currency,
        List<AccountBalanceDTO> accounts,
        long totalDebit,
        long totalCredit,
        boolean balanced) implements Serializable {
}
