package io.paysuite.api.payout;

/** Why money leaves the platform for a bank account: whose money it is and which ledger account it left. */
public enum PayoutPurpose {
    /** A merchant's settled, available money paid to its settlement bank account. */
    SETTLEMENT,
    /** A buyer's wallet balance withdrawn to one of the buyer's bound cards. */
    WITHDRAWAL
}
