package io.paysuite.accounting.ledger;

/** Merchants' fee rates in basis points (port). */
public interface FeeRates {

    /** The merchant's rate, or the configured default when none was set. */
    int rateBps(String merchantId);

    /** Sets the merchant's rate; the last set wins. */
    void set(String merchantId, int rateBps);
}
