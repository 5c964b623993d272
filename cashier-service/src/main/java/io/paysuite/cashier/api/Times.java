package io.paysuite.cashier.api;

import io.paysuite.cashier.config.CashierProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** RFC 3339 with offset, in the zone merchants are answered in ({@code 2026-11-23T10:00:00+08:00}). */
@Component
public class Times {

    private final DateTimeFormatter format;

    public Times(CashierProperties properties) {
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(properties.zone());
    }

    public String format(Instant instant) {
        return instant == null ? null : format.format(instant);
    }
}
