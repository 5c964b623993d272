package io.paysuite.accounting.wallet;

import io.paysuite.accounting.ledger.TradeEntryKind;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.wallet.WalletMovementDTO;
import io.paysuite.api.wallet.WalletMovementKind;
import java.util.List;

/**
 * A buyer's last wallet movements, straight from the ledger lines of the buyer's wallet (the wallet has
 * no other record of its money), each named by the entry that moved it and its side: a credited payment
 * is a top-up, a debited one a payment; a credited refund is a refund of a payment, a debited one a
 * top-up given back; transfers in and out; a withdrawal and its return.
 */
public final class WalletMovements {

    static final int MAX = 100;
    private static final String CURRENCY = "CNY";

    private final WalletLines lines;

    public WalletMovements(WalletLines lines) {
        this.lines = lines;
    }

    public List<WalletMovementDTO> of(String buyerId, int limit) {
        WalletRules.requireBuyer(buyerId, "buyer_id");
        WalletRules.require(limit >= 1 && limit <= MAX, "limit must be 1-" + MAX);
        String wallet = new AccountRef(AccountType.BUYER_WALLET, buyerId, CURRENCY).code();
        return lines.newest(wallet, limit).stream().map(WalletMovements::movement).toList();
    }

    static WalletMovementDTO movement(WalletLines.Line line) {
        boolean in = line.side() == AccountType.Side.CREDIT;
        return new WalletMovementDTO(line.entryNo(), kind(line.bizType(), in), in ? line.amount() : -line.amount(),
                line.currency(), line.bizNo(), line.postedAt());
    }

    static WalletMovementKind kind(String bizType, boolean in) {
        if (TradeEntryKind.PAYMENT.name().equals(bizType)) {
            return in ? WalletMovementKind.TOPUP : WalletMovementKind.PAYMENT;
        }
        if (TradeEntryKind.REFUND.name().equals(bizType)) {
            return WalletMovementKind.REFUND;
        }
        return switch (bizType) {
            case WalletEntries.TRANSFER -> in ? WalletMovementKind.TRANSFER_IN : WalletMovementKind.TRANSFER_OUT;
            case WalletEntries.WITHDRAWAL -> WalletMovementKind.WITHDRAWAL;
            case WalletEntries.WITHDRAWAL_RETURNED -> WalletMovementKind.WITHDRAWAL_RETURNED;
            default -> WalletMovementKind.OTHER;
        };
    }
}
