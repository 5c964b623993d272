package io.paysuite.kit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gauge whose value is a database query (a backlog, the open differences, the trial balance): Micrometer reads a
 * gauge on every scrape, and every instance is scraped, so the query runs at most once per {@code every} and the
 * scrapes in between read the last value. A failed query reads NaN (Prometheus drops the sample), never a stale
 * figure that looks healthy.
 */
public final class QueriedGauge {

    private static final Logger log = LoggerFactory.getLogger(QueriedGauge.class);

    private final String name;
    private final DoubleSupplier query;
    private final Duration every;
    private final Clock clock;
    private double last = Double.NaN;
    private long lastAt = Long.MIN_VALUE;

    private QueriedGauge(String name, DoubleSupplier query, Duration every, Clock clock) {
        this.name = name;
        this.query = query;
        this.every = every;
        this.clock = clock;
    }

    /** Registers {@code name} with {@code tags}; {@code query} runs on a scrape at most once per {@code every}. */
    public static QueriedGauge register(MeterRegistry meters, String name, String description, Tags tags,
                                        Duration every, Clock clock, DoubleSupplier query) {
        QueriedGauge gauge = new QueriedGauge(name, query, every, clock);
        Gauge.builder(name, gauge, QueriedGauge::value).description(description).tags(tags).strongReference(true)
                .register(meters);
        return gauge;
    }

    synchronized double value() {
        long now = clock.millis();
        if (lastAt != Long.MIN_VALUE && now - lastAt < every.toMillis()) {
            return last;
        }
        lastAt = now;
        try {
            last = query.getAsDouble();
        } catch (RuntimeException e) {
            log.warn("gauge {}: query failed: {}", name, e.toString());
            last = Double.NaN;
        }
        return last;
    }
}
