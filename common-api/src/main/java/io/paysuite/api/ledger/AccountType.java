package io.paysuite.api.ledger;

/**
 * The chart of accounts. Each type has a normal side: a debit-normal account's balance is
 * debits − credits, a credit-normal account's is credits − debits. Buyer wallets, merchant
 * accounts, escrow and fee income are the platform's liabilities or income (credit-normal);
 * platform funding and channel clearing are money the platform holds or is owed (debit-normal).
 */
public enum AccountType {
    BUYER_WALLET(Side.CREDIT, false, true),
    MERCHANT_PENDING(Side.CREDIT, true, false),
    MERCHANT_AVAILABLE(Side.CREDIT, false, false),
    ESCROW(Side.CREDIT, false, true),
    PLATFORM_FEE_INCOME(Side.CREDIT, true, false),
    CHANNEL_CLEARING(Side.DEBIT, true, false),
    PLATFORM_FUNDING(Side.DEBIT, false, false),
    /** The platform's bank account, where channels settle what they cleared (clearing moves money here). */
    PLATFORM_BANK(Side.DEBIT, false, false),
    /** What channels charge us per payment, booked as cost when their settlement says so. */
    CHANNEL_FEE_EXPENSE(Side.DEBIT, false, false),
    /** Money on its way to a bank account (settlement payouts, wallet withdrawals) until the payout's final answer. */
    PAYOUT_IN_TRANSIT(Side.CREDIT, false, true),
    /** Differences operators accepted or adjusted after reconciliation, with who and why on the entry; either sign. */
    RECONCILIATION_SUSPENSE(Side.DEBIT, false, false),
    /** A merchant's money of profit-shared trades held back from its settlement until the trade's rest is unfrozen. */
    PROFIT_SHARING_HELD(Side.CREDIT, false, true),
    /**
     * What buyers' pre-authorisations froze, one account per merchant (what it holds for one trade
     * is that trade's lines): the buyer's money until the merchant captures, never the merchant's.
     */
    PREAUTH_HOLD(Side.CREDIT, false, true),
    /** What platform-funded discounts cost the platform (coupons it funds, points it grants); one platform account. */
    MARKETING_EXPENSE(Side.DEBIT, true, false),
    /** The buyers' points as the platform's debt, credited when points are granted and debited when they are redeemed. */
    POINTS_LIABILITY(Side.CREDIT, true, false);

    public enum Side { DEBIT, CREDIT }

    private final Side normalSide;
    private final boolean hot;
    private final boolean neverNegative;

    AccountType(Side normalSide, boolean hot, boolean neverNegative) {
        this.normalSide = normalSide;
        this.hot = hot;
        this.neverNegative = neverNegative;
    }

    public Side normalSide() {
        return normalSide;
    }

    /** Posted through the hot-account buffer: lines at once, balance in batches. */
    public boolean hot() {
        return hot;
    }

    /** A posting that would take the balance below zero is refused with {@code INSUFFICIENT_BALANCE}. */
    public boolean neverNegative() {
        return neverNegative;
    }
}
