package io.paysuite.accounting.ledger;

import java.util.List;
import java.util.Optional;

/** Reads account totals, buffered lines included, from one consistent snapshot (port). */
public interface Balances {

    Optional<AccountTotals> account(String code);

    List<AccountTotals> accounts(String currency);
}
