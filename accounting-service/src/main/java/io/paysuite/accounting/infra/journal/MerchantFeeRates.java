package io.paysuite.accounting.infra.journal;

import io.paysuite.accounting.config.LedgerProperties;
import io.paysuite.accounting.ledger.FeeRates;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;

/** Fee rates in {@code merchant_fee_rate}, the configured default for merchants without a row. */
@Component
class MerchantFeeRates implements FeeRates {

    private final FeeRateMapper rates;
    private final int defaultBps;
    private final Clock clock;

    MerchantFeeRates(FeeRateMapper rates, LedgerProperties properties, Clock clock) {
        this.rates = rates;
        this.defaultBps = properties.defaultFeeBps();
        this.clock = clock;
    }

    @Override
    public int rateBps(String merchantId) {
        Integer rate = rates.rateOf(merchantId);
        return rate != null ? rate : defaultBps;
    }

    @Override
    public void set(String merchantId, int rateBps) {
        rates.upsert(merchantId, rateBps, LocalDateTime.now(clock));
    }
}
