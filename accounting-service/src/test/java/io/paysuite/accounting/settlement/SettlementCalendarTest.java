package io.paysuite.accounting.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SettlementCalendarTest {

    static final SettlementCalendar CALENDAR = new SettlementCalendar(ZoneId.of("Asia/Shanghai"));
    static final LocalDate RUN = LocalDate.of(2026, 12, 8);

    @Test
    void onOneRunDateAT2CycleStopsADayBeforeAT1Cycle() {
        assertThat(CALENDAR.periodTo(RUN, 1)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(CALENDAR.periodTo(RUN, 2)).isEqualTo(LocalDate.of(2026, 12, 6));
        // cutoffs are the start of the day after the period, in the merchants' zone (+08:00)
        assertThat(CALENDAR.cutoff(RUN, 1)).isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
        assertThat(CALENDAR.cutoff(RUN, 2)).isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
    }

    @Test
    void aPaymentLateOnTheSeventhIsDueOnTheEighthForT1AndOnTheNinthForT2() {
        Instant lateOnTheSeventh = Instant.parse("2026-12-07T15:59:59Z"); // 23:59:59 +08:00
        assertThat(CALENDAR.dayOf(lateOnTheSeventh)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(lateOnTheSeventh).isBefore(CALENDAR.cutoff(RUN, 1));
        assertThat(lateOnTheSeventh).isAfter(CALENDAR.cutoff(RUN, 2));
        assertThat(lateOnTheSeventh).isBefore(CALENDAR.cutoff(RUN.plusDays(1), 2));
    }
}
