package io.paysuite.accounting.ledger;

/** Fee rates for the ledger's unit tests: one rate for every merchant, 60 bps unless set. */
public final class OneFeeRate implements FeeRates {

    int rateBps = 60;

    @Override
    public int rateBps(String merchantId) {
        return rateBps;
    }

    @Override
    public void set(String merchantId, int rate) {
        rateBps = rate;
    }
}
