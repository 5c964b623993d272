package io.paysuite.cashier.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.paysuite.kit.metrics.QueriedGauge;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code paysuite.notifications.backlog}: merchant notifications not yet delivered nor given up (status
 * {@code PENDING}), the figure the backlog alert and dashboard panel watch (deploy/compose). One indexed count
 * (idx_notification_due starts with status), at most every 30 s per instance.
 */
@Component
public class NotificationBacklogMetrics {

    public static final String BACKLOG = "paysuite.notifications.backlog";

    public NotificationBacklogMetrics(MeterRegistry meters, JdbcTemplate jdbc, Clock clock) {
        QueriedGauge.register(meters, BACKLOG, "merchant notifications still to deliver", Tags.empty(),
                Duration.ofSeconds(30), clock,
                () -> jdbc.queryForObject("SELECT COUNT(*) FROM merchant_notification WHERE status = 'PENDING'", Long.class));
    }
}
