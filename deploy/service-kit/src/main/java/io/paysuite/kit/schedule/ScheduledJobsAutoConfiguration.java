package io.paysuite.kit.schedule;

import io.paysuite.kit.sharding.DirectReads;
import java.sql.SQLException;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs that run once across all instances of a service: Spring's {@code @Scheduled} for
 * the timing and ShedLock ({@code @SchedulerLock(name = …)}) for the cluster-wide lock, held in the
 * service's own database.
 *
 * <p>ShedLock was chosen over Quartz's clustered JobStore because our jobs are plain methods on a
 * fixed schedule: ShedLock needs one small table and no job classes, triggers or misfire rules,
 * and its lock is a row with an expiry the database's own clock decides ({@code usingDbTime()}),
 * so instances with skewed clocks still agree. The lock only keeps two instances from running the
 * same job at the same moment; a job's run stays idempotent per its key (a channel and bill date,
 * a merchant and period) through its own unique index, so a re-run or a late second instance
 * finds the work done.
 *
 * <p>A service opts in by depending on {@code shedlock-spring} and
 * {@code shedlock-provider-jdbc-template} and creating the lock table in one of its migrations
 * (the script is {@code kit-sql/shedlock.sql} in this module). {@code paysuite.jobs.enabled=false}
 * turns every scheduled job of the service off, e.g. for a test that drives a job by hand.
 *
 * <p>The lock's statements run on a plain physical database, never through ShardingSphere: on a sharded service
 * (pay-core) the one {@code DataSource} is the kit's {@link DirectReads} over ShardingSphere, whose SQL binder refuses
 * ShedLock's database-clock statements ({@code TIMESTAMPADD(MICROSECOND, …)}: "Unknown column 'MICROSECOND'"), so
 * every attempt to lock failed and the job never ran. There the lock lives in the database of the single tables
 * ({@code ds_0}; declare the table with {@code singleTable("shedlock")} so that the service's own statements on it go
 * there too) and is taken through that database's own pool ({@link DirectReads#singleTablesDatabase()}). Every
 * instance picks the same database, so they all contend for the same row.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, afterName = "io.paysuite.kit.sharding.ShardingAutoConfiguration")
@ConditionalOnClass({LockProvider.class, JdbcTemplateLockProvider.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "paysuite.jobs", name = "enabled", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class ScheduledJobsAutoConfiguration {

    /** The lock table every opted-in service creates. */
    public static final String LOCK_TABLE = "shedlock";

    @Bean
    @ConditionalOnMissingBean(LockProvider.class)
    LockProvider jobLockProvider(DataSource dataSource) throws SQLException {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(lockDatabase(dataSource)))
                .withTableName(LOCK_TABLE)
                .usingDbTime()
                .build());
    }

    /**
     * Where the lock's statements run: the service's data source itself, or past ShardingSphere on a sharded one —
     * found through {@code unwrap}, so that a wrapper around the kit's data source (a tracing proxy) cannot send the
     * lock back through ShardingSphere unnoticed.
     */
    static DataSource lockDatabase(DataSource dataSource) throws SQLException {
        return dataSource.isWrapperFor(DirectReads.class)
                ? dataSource.unwrap(DirectReads.class).singleTablesDatabase() : dataSource;
    }
}
