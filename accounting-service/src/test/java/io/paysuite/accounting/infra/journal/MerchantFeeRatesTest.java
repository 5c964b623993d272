package io.paysuite.accounting.infra.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Merchants' fee rates: read once per merchant and cache period, a change here seen at once. */
class MerchantFeeRatesTest {

    private final FeeRateMapper mapper = mock(FeeRateMapper.class);
    private final MerchantFeeRates rates = new MerchantFeeRates(mapper, 60, Duration.ofSeconds(30),
            Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC));

    @Test
    void manyPaymentsOfOneMerchantReadItsRateOnce() {
        when(mapper.rateOf("M1")).thenReturn(80);

        for (int i = 0; i < 10; i++) {
            assertThat(rates.rateBps("M1")).isEqualTo(80);
        }
        verify(mapper, times(1)).rateOf("M1");
    }

    @Test
    void aMerchantWithoutARateTakesTheDefaultAlsoFromTheCache() {
        when(mapper.rateOf("M2")).thenReturn(null);
        assertThat(rates.rateBps("M2")).isEqualTo(60);
        assertThat(rates.rateBps("M2")).isEqualTo(60);
        verify(mapper, times(1)).rateOf("M2");
    }

    @Test
    void aRateSetThroughThisInstanceIsUsedByItsNextPayment() {
        when(mapper.rateOf("M1")).thenReturn(60, 100);
        assertThat(rates.rateBps("M1")).isEqualTo(60);

        rates.set("M1", 100);

        verify(mapper).upsert(eq("M1"), eq(100), any());
        assertThat(rates.rateBps("M1")).isEqualTo(100);
    }
}
