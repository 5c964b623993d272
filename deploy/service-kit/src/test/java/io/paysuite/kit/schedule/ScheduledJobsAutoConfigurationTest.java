package io.paysuite.kit.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.paysuite.kit.sharding.ShardedTables;
import io.paysuite.kit.sharding.ShardingAutoConfiguration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The cluster-wide job lock as the kit wires it, over in-memory databases in MySQL mode: taken, held against a second
 * taker and given back, judged by the database's clock — on a plain service's one data source, and on a sharded
 * service past ShardingSphere, whose binder refuses ShedLock's {@code TIMESTAMPADD(MICROSECOND, …)} (it takes
 * {@code MICROSECOND} for a column), so a lock taken through it never ran a job.
 */
class ScheduledJobsAutoConfigurationTest {

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aShardedServiceTakesHoldsAndGivesBackItsJobLockInTheFirstDatabase() throws SQLException {
        // the lock table comes from this module's test migration (db/migration/shard), in every database as a service's
        String[] urls = {url("pay_0"), url("pay_1")};
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ShardingAutoConfiguration.class, ScheduledJobsAutoConfiguration.class))
                .withBean(ShardedTables.class, () -> new ShardedTables("pay", rules -> rules
                        .databaseAndTableSharded("pay_order", "pay_order_no,trade_no")
                        .singleTable(ScheduledJobsAutoConfiguration.LOCK_TABLE)))
                .withPropertyValues("paysuite.sharding.urls[0]=" + urls[0], "paysuite.sharding.urls[1]=" + urls[1],
                        "paysuite.sharding.pool-size=2", "paysuite.sharding.auto-commit-pool-size=1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(ScheduledJobsAutoConfiguration.lockDatabase(context.getBean(DataSource.class)))
                            .as("the first database's own pool, not ShardingSphere")
                            .isInstanceOfSatisfying(HikariDataSource.class, pool -> assertThat(pool.getPoolName()).isEqualTo("pay-ds_0"));
                    takenHeldAndGivenBack(context.getBean(LockProvider.class));
                });

        assertThat(lockRows(urls[0])).as("the lock's row lives beside the other single tables").isEqualTo(1);
        assertThat(lockRows(urls[1])).isZero();
    }

    @Test
    void aServiceWithOnePlainDataSourceTakesHoldsAndGivesBackItsJobLockThere() throws SQLException {
        String url = url("accounting");
        createLockTable(url);
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ScheduledJobsAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    takenHeldAndGivenBack(context.getBean(LockProvider.class));
                });

        assertThat(lockRows(url)).isEqualTo(1);
    }

    @Test
    void withJobsSwitchedOffThereIsNoLock() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url("off"));

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ScheduledJobsAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("paysuite.jobs.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LockProvider.class));
    }

    /** One instance takes the lock, a second cannot while it is held, and can once it is given back. */
    private static void takenHeldAndGivenBack(LockProvider locks) {
        Optional<SimpleLock> first = locks.lock(sweep());
        assertThat(first).as("the first taker gets the lock").isPresent();
        assertThat(locks.lock(sweep())).as("held: a second instance skips the run").isEmpty();

        first.get().unlock();

        Optional<SimpleLock> again = locks.lock(sweep());
        assertThat(again).as("given back: the next run takes it").isPresent();
        again.get().unlock();
    }

    private static LockConfiguration sweep() {
        return new LockConfiguration(Instant.now(), "risk-counter-sweep", Duration.ofMinutes(5), Duration.ZERO);
    }

    private String url(String database) {
        return "jdbc:h2:mem:jobs_" + run + "_" + database + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
    }

    private static void createLockTable(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE shedlock (name VARCHAR(64) NOT NULL, lock_until TIMESTAMP(3) NOT NULL, "
                    + "locked_at TIMESTAMP(3) NOT NULL, locked_by VARCHAR(255) NOT NULL, PRIMARY KEY (name))");
        }
    }

    private static int lockRows(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM shedlock")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
