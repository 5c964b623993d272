package io.paysuite.channel.infra;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The gateway's DATETIME columns hold UTC wall time: the one conversion both ways, null kept null. */
public final class UtcColumns {

    private UtcColumns() {
    }

    public static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime at) {
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }
}
