package io.paysuite.accounting.ledger;

import static io.paysuite.accounting.ledger.EntryRules.require;
import static io.paysuite.accounting.ledger.EntryRules.requireText;

import io.paysuite.api.ledger.FeeRateCmd;

/** Sets a merchant's fee rate, which every later payment's fee entry uses; checked before it is stored. */
public final class MerchantFeeRates {

    private final FeeRates feeRates;

    public MerchantFeeRates(FeeRates feeRates) {
        this.feeRates = feeRates;
    }

    /** @return the rate now in force, in basis points */
    public int set(FeeRateCmd cmd) {
        require(cmd != null, "command is required");
        requireText(cmd.merchantId(), "merchantId", EntryRules.MAX_OWNER);
        require(cmd.rateBps() >= 0 && cmd.rateBps() <= FeeRule.BPS_PER_UNIT, "rateBps must be 0–10000: " + cmd.rateBps());
        feeRates.set(cmd.merchantId(), cmd.rateBps());
        return cmd.rateBps();
    }

    /** @return the merchant's rate now, in basis points (the default when none was set) */
    public int of(String merchantId) {
        requireText(merchantId, "merchantId", EntryRules.MAX_OWNER);
        return feeRates.rateBps(merchantId);
    }
}
