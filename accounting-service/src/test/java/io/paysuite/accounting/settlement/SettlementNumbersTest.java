package io.paysuite.accounting.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SettlementNumbersTest {

    @Test
    void aMerchantAndDateAlwaysNameTheSameSettlementPayoutAndKeys() {
        String no = SettlementNumbers.settlementNo("M10000001", LocalDate.of(2026, 12, 6), "CNY");

        assertThat(no).isEqualTo("ST20261206M10000001");
        assertThat(SettlementNumbers.payoutNo(no)).isEqualTo("PO20261206M10000001");
        assertThat(SettlementNumbers.moveKey(no)).isEqualTo("STL-ST20261206M10000001");
        assertThat(SettlementNumbers.finalKey("PO20261206M10000001")).isEqualTo("PAYOUT-FINAL-PO20261206M10000001");
        assertThat(SettlementNumbers.settlementNo("M10000001", LocalDate.of(2026, 12, 6), "USD")).endsWith("-USD");
    }

    @Test
    void aT1CycleSettlesYesterdaysPostingsUpToMidnightInTheMerchantsZone() {
        SettlementCalendar calendar = new SettlementCalendar(java.time.ZoneId.of("Asia/Shanghai"));

        assertThat(calendar.periodTo(LocalDate.of(2026, 12, 6), 1)).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(calendar.cutoff(LocalDate.of(2026, 12, 6), 1)).isEqualTo(java.time.Instant.parse("2026-12-05T16:00:00Z"));
        assertThat(calendar.cutoff(LocalDate.of(2026, 12, 6), 3)).isEqualTo(java.time.Instant.parse("2026-12-03T16:00:00Z"));
    }
}
