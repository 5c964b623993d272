package io.paysuite.member.infra;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the database keeps them: {@code DATETIME(3)} in UTC. Sending {@link LocalDateTime}
 * keeps the driver's and the server's time zones out of it; truncating to milliseconds keeps
 * written and read values equal.
 */
public final class DbTime {

    private DbTime() {
    }

    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
