package io.paysuite.cashier.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** RFC 3339 with offset, in the zone merchants are answered in ({@code 2026-11-23T10:00:00+08:00}). */
public class Times {

    private final ZoneId zone;
    private final DateTimeFormatter format;

    public Times(ZoneId zone) {
        this.zone = zone;
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(zone);
    }

    /** The zone merchants are answered in; a merchant's day (a bill's date) is a day in it. */
    public ZoneId zone() {
        return zone;
    }

    public String format(Instant instant) {
        return instant == null ? null : format.format(instant);
    }
}
