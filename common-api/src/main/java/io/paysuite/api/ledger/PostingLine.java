package io.paysuite.api.ledger;

import java.io.Serializable;

/** One line of a journal entry: a positive amount in minor units on one side of one account. */
public record PostingLine(AccountRef account, AccountType.Side side, long amount) implements Serializable {
}
