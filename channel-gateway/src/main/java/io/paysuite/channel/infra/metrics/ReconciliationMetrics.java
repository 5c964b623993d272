package io.paysuite.channel.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.paysuite.api.recon.DifferenceStatus;
import io.paysuite.kit.metrics.QueriedGauge;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code paysuite.reconciliation.differences.open{status}}: reconciliation differences not resolved yet, by status
 * ({@code OPEN}, {@code ESCALATED}), for the dashboard and the alert on escalated ones. At most every 60 s.
 */
@Component
public class ReconciliationMetrics {

    public static final String OPEN_DIFFERENCES = "paysuite.reconciliation.differences.open";

    public ReconciliationMetrics(MeterRegistry meters, JdbcTemplate jdbc, Clock clock) {
        for (DifferenceStatus status : DifferenceStatus.values()) {
            if (status.isFinal()) {
                continue;
            }
            QueriedGauge.register(meters, OPEN_DIFFERENCES, "reconciliation differences not resolved",
                    Tags.of("status", status.name()), Duration.ofSeconds(60), clock,
                    () -> jdbc.queryForObject("SELECT COUNT(*) FROM recon_difference WHERE status = ?", Long.class,
                            status.name()));
        }
    }
}
