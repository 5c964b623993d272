package io.paysuite.cashier.page.wallet;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.money.Money;
import io.paysuite.api.wallet.WalletMovementDTO;
import io.paysuite.api.wallet.WalletService;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the wallet page reads: the buyer's balance (the ledger's {@code BUYER_WALLET} account; a wallet
 * never posted to has none yet, which is zero) and the last movements (the ledger lines of that account,
 * through {@code WalletService.movements}). A read that fails leaves its part of the page empty, never the page.
 */
public final class WalletBook {

    private static final Logger log = LoggerFactory.getLogger(WalletBook.class);

    private final LedgerService ledger;
    private final WalletService wallets;
    private final int movements;

    public WalletBook(LedgerService ledger, WalletService wallets, int movements) {
        this.ledger = ledger;
        this.wallets = wallets;
        this.movements = movements;
    }

    /** The balance, or empty when the ledger cannot say now. */
    public Optional<Money> balance(String buyerId) {
        try {
            Result<AccountBalanceDTO> r = ledger.balance(new AccountRef(AccountType.BUYER_WALLET, buyerId, "CNY"));
            if (r != null && r.success()) {
                return Optional.of(Money.cny(r.data().balance()));
            }
            if (r != null && ErrorCode.ACCOUNT_NOT_FOUND.code().equals(r.code())) {
                return Optional.of(Money.cny(0));
            }
            log.warn("wallet balance unavailable buyer_id={} code={}", buyerId, r == null ? null : r.code());
        } catch (RuntimeException e) {
            log.warn("wallet balance unavailable buyer_id={}: {}", buyerId, e.toString());
        }
        return Optional.empty();
    }

    public List<WalletMovementDTO> movements(String buyerId) {
        try {
            Result<List<WalletMovementDTO>> r = wallets.movements(buyerId, movements);
            if (r != null && r.success() && r.data() != null) {
                return r.data();
            }
            log.warn("wallet movements unavailable buyer_id={} code={}", buyerId, r == null ? null : r.code());
        } catch (RuntimeException e) {
            log.warn("wallet movements unavailable buyer_id={}: {}", buyerId, e.toString());
        }
        return List.of();
    }
}
