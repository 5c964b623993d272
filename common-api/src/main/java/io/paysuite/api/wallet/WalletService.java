package io.paysuite.api.wallet;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;
import java.util.List;

/**
 * A buyer's wallet over Dubbo (provider: accounting-service, which owns the ledger the wallet is an
 * account of). Top-ups are not here: a top-up is a {@code TOPUP} trade paid through the normal pay path.
 * {@code transfer} and {@code withdraw} move money and answer only named internal callers (the
 * cashier's wallet page); both check the sender's payment password themselves and are idempotent on
 * (buyer, {@code requestNo}).
 */
public interface WalletService {

    /**
     * Buyer to buyer by phone, in one journal entry (Dr the sender's wallet, Cr the receiver's) written
     * in one local transaction with the transfer record and the sender's day total. A repeat of the
     * same request answers the first transfer; the same request number with other content
     * {@code REQUEST_NO_USED}. Refusals change nothing: {@code PARAM_ERROR}, {@code BUYER_NOT_FOUND}
     * (no buyer has that phone), {@code PAY_PASSWORD_WRONG}/{@code LOCKED}, {@code INSUFFICIENT_BALANCE},
     * {@code TRANSFER_LIMIT_EXCEEDED} (the sender's transfers of the day would pass the configured limit).
     */
    Result<WalletTransferDTO> transfer(WalletTransferCmd cmd);

    /**
     * The wallet to one of the buyer's bound cards through the payout channel: the amount leaves the
     * wallet for {@code PAYOUT_IN_TRANSIT} at once, then the payout's final answer books it paid out
     * ({@code SUCCESS}) or gives it back to the wallet ({@code FAILED}); until then {@code PROCESSING}.
     * A repeat answers the withdrawal as it stands. Refusals change nothing: {@code PARAM_ERROR},
     * {@code CARD_NOT_FOUND}, {@code PAY_PASSWORD_WRONG}/{@code LOCKED}, {@code INSUFFICIENT_BALANCE}.
     */
    Result<WalletWithdrawalDTO> withdraw(WalletWithdrawCmd cmd);

    /** The withdrawal of this buyer under this request number, or {@code PAYOUT_NOT_FOUND}. */
    @ReadOnly
    Result<WalletWithdrawalDTO> withdrawal(String buyerId, String requestNo);

    /** The buyer's wallet movements, newest first, at most {@code limit} (1–100), read from the ledger. */
    @ReadOnly
    Result<List<WalletMovementDTO>> movements(String buyerId, int limit);
}
