package io.paysuite.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueriedGaugeTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Instant now = Instant.parse("2026-12-06T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @Test
    void scrapesWithinTheIntervalReadTheLastValueWithoutQueryingAgain() {
        AtomicInteger queries = new AtomicInteger();
        QueriedGauge.register(meters, "paysuite.test.backlog", "test", Tags.of("k", "v"), Duration.ofSeconds(30), clock,
                () -> queries.incrementAndGet() * 10);

        assertThat(meters.get("paysuite.test.backlog").gauge().value()).isEqualTo(10);
        now = now.plusSeconds(10);
        assertThat(meters.get("paysuite.test.backlog").gauge().value()).isEqualTo(10);
        now = now.plusSeconds(30);
        assertThat(meters.get("paysuite.test.backlog").gauge().value()).isEqualTo(20);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aFailedQueryReadsNotANumberRatherThanTheLastGoodValue() {
        AtomicInteger queries = new AtomicInteger();
        QueriedGauge.register(meters, "paysuite.test.open", "test", Tags.empty(), Duration.ofSeconds(1), clock, () -> {
            if (queries.incrementAndGet() > 1) {
                throw new IllegalStateException("database down");
            }
            return 3;
        });

        assertThat(meters.get("paysuite.test.open").gauge().value()).isEqualTo(3);
        now = now.plusSeconds(2);
        assertThat(meters.get("paysuite.test.open").gauge().value()).isNaN();
    }
}
