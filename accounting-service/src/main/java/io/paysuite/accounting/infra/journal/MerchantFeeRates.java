package io.paysuite.accounting.infra.journal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paysuite.accounting.config.LedgerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import io.paysuite.accounting.ledger.FeeRates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fee rates in {@code merchant_fee_rate}, the configured default for merchants without a row.
 *
 * <p>A rate is read once per merchant per {@code paysuite.ledger.fee-rate-cache} (30 s), not once per
 * payment: rates change rarely (an operator, through the ops API) and every payment reads one. A change
 * through this instance drops its cached rate at once; another instance keeps its copy until it
 * expires. That staleness is safe for the books: the fee a payment charged is recorded as its entry's
 * fee line, and refunds return that recorded fee ({@code FeeRule}), never a recomputation at today's rate.
 * The cache is Caffeine's (bounded, expiring, lock-free reads) rather than a hand-kept map with timestamps.
 */
@Component
class MerchantFeeRates implements FeeRates {

    private static final int MERCHANTS_REMEMBERED = 100_000;

    private final int defaultBps;
    private final FeeRateMapper rates;
    private final Clock clock;
    private final Cache<String, Integer> cached;

    @Autowired
    MerchantFeeRates(FeeRateMapper rates, LedgerProperties properties, Clock clock) {
        this(rates, properties.defaultFeeBps(), properties.feeRateCache(), clock);
    }

    MerchantFeeRates(FeeRateMapper rates, int defaultBps, Duration cacheFor, Clock clock) {
        this.rates = rates;
        this.defaultBps = defaultBps;
        this.clock = clock;
        this.cached = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(MERCHANTS_REMEMBERED).build();
    }

    @Override
    public int rateBps(String merchantId) {
        return cached.get(merchantId, id -> {
            Integer rate = rates.rateOf(id);
            return rate != null ? rate : defaultBps;
        });
    }

    @Override
    public void set(String merchantId, int rateBps) {
        rates.upsert(merchantId, rateBps, LocalDateTime.now(clock));
        cached.invalidate(merchantId);
    }
}
