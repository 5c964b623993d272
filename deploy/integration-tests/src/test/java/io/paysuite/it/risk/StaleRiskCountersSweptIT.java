package io.paysuite.it.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.ServiceProcess;
import io.paysuite.it.SuiteHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * pay-core's sweep of stale risk counters runs: a second pay-core instance (not in the registry, so it takes no calls)
 * sweeps every two seconds, takes the cluster-wide lock in {@code paysuite_pay_0.shedlock} and deletes the bucket last
 * counted a month ago, leaving the one counted now. The lock's statements, which reckon with the database's clock,
 * once went through ShardingSphere, whose binder refused them ("Unknown column 'MICROSECOND'") at every tick: the
 * sweep never ran and {@code risk_counter} only grew.
 */
class StaleRiskCountersSweptIT {

    /** The database of pay-core's single tables (ds_0): {@code risk_counter} and the job lock. */
    private static final String SINGLE_TABLES = ServiceId.PAY_CORE.databases().get(0);
    private static final String REFUSED = "Unknown column 'MICROSECOND'";

    private final DatabaseServer db = SuiteHarness.suite().infra().database();
    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();

    @Test
    void aBucketLastCountedAMonthAgoIsSweptWithinSecondsAndTodaysStays() throws SQLException {
        String stale = "B:IT_SWEEP_OLD_" + run;
        String fresh = "B:IT_SWEEP_NEW_" + run;
        insertCounter(stale, "UTC_TIMESTAMP(3) - INTERVAL 30 DAY");
        insertCounter(fresh, "UTC_TIMESTAMP(3)");

        ServiceProcess sweeper = SuiteHarness.suite().startExtraInstance(ServiceId.PAY_CORE, "pay-core-risk-sweep", Map.of(
                "paysuite.risk.sweep-interval", "PT2S",
                "logging.level.net.javacrumbs.shedlock", "DEBUG",
                "dubbo.registry.register", "false"));
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> counterRows(stale) == 0);

            assertThat(counterRows(fresh)).as("a bucket counted now is inside every window").isEqualTo(1);
            assertThat(lockRows("pay-risk-counter-sweep")).as("the sweep's lock, taken in ds_0").isEqualTo(1);
            assertThat(logLines(sweeper)).as("no lock statement refused").noneMatch(line -> line.contains(REFUSED));
        } finally {
            sweeper.stop(Duration.ofSeconds(20));
            deleteCounter(fresh);
        }
    }

    private void insertCounter(String key, String updatedAt) throws SQLException {
        try (Connection c = connection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO risk_counter (counter_key, bucket, cnt, sum_minor, updated_at) VALUES (?, 'd20260101', 1, 100, "
                        + updatedAt + ")")) {
            insert.setString(1, key);
            insert.executeUpdate();
        }
    }

    private void deleteCounter(String key) throws SQLException {
        try (Connection c = connection(); PreparedStatement delete = c.prepareStatement("DELETE FROM risk_counter WHERE counter_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
    }

    private int counterRows(String key) throws SQLException {
        return count("SELECT COUNT(*) FROM risk_counter WHERE counter_key = ?", key);
    }

    private int lockRows(String name) throws SQLException {
        return count("SELECT COUNT(*) FROM shedlock WHERE name = ?", name);
    }

    private int count(String sql, String arg) throws SQLException {
        try (Connection c = connection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, arg);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(SINGLE_TABLES), db.username(), db.password());
    }

    private static List<String> logLines(ServiceProcess instance) {
        Path log = instance.logFile();
        try {
            return log == null || !Files.exists(log) ? List.of() : Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
