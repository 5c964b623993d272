package io.paysuite.accounting.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which postings a run date settles for a merchant on T+N: those posted before the start of day
 * {@code date − N + 1} in the settlement zone (the merchants' day, the same as their bills'), i.e.
 * up to and including day {@code date − N}.
 */
public record SettlementCalendar(ZoneId zone) {

    public LocalDate periodTo(LocalDate date, int cycleDays) {
        return date.minusDays(cycleDays);
    }

    public Instant cutoff(LocalDate date, int cycleDays) {
        return periodTo(date, cycleDays).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The day an instant falls on, in the settlement zone. */
    public LocalDate dayOf(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
