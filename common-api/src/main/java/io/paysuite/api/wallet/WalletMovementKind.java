package io.paysuite.api.wallet;

/** Why a wallet moved, as its page shows it. */
public enum WalletMovementKind {
    TOPUP,
    PAYMENT,
    REFUND,
    TRANSFER_IN,
    TRANSFER_OUT,
    WITHDRAWAL,
    /** A withdrawal the bank did not pay, back in the wallet. */
    WITHDRAWAL_RETURNED,
    /** Anything else (funding, an operator's adjustment, a released hold). */
    OTHER
}
