package io.paysuite.pay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.kit.schedule.ScheduledJobsAutoConfiguration;
import io.paysuite.kit.sharding.DirectReads;
import io.paysuite.kit.sharding.ShardingRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The lock of pay-core's risk counter sweep ({@code RiskCounterSweepJob}) as the kit wires it on pay-core's sharded
 * data source: ShedLock's statements, with the database's clock, go to ds_0's own pool — where {@code shedlock} lives
 * beside {@code risk_counter} — and never to ShardingSphere, whose binder refused them ("Unknown column
 * 'MICROSECOND'"), so that the sweep never ran and {@code risk_counter} only grew.
 */
class PayJobLockTest {

    final List<String> statements = new ArrayList<>();
    final ShardingRules rules = new ShardingConfig().payTables().tables().apply(new ShardingRules(2, 4));
    final DirectReads sharded = new DirectReads(pool("sharded"), rules, List.of(pool("ds_0"), pool("ds_1")), List.of(), true);

    @Test
    void theRiskSweepsLockRunsOnDs0sOwnPoolWithTheDatabasesClock() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ScheduledJobsAutoConfiguration.class))
                .withBean(DataSource.class, () -> sharded)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(LockProvider.class).lock(new LockConfiguration(Instant.now(), "pay-risk-counter-sweep",
                            Duration.ofMinutes(30), Duration.ZERO));
                });

        assertThat(statements).isNotEmpty().allSatisfy(sent -> assertThat(sent)
                .startsWith("ds_0: ").contains("shedlock").contains("TIMESTAMPADD(MICROSECOND"));
    }

    /** A pool whose connections say they are MySQL's (as Connector/J's do) and note each statement prepared on them. */
    private DataSource pool(String name) {
        DataSource pool = mock(DataSource.class);
        try {
            when(pool.getConnection()).thenAnswer(call -> {
                Connection connection = mock(Connection.class, RETURNS_DEEP_STUBS);
                when(connection.getMetaData().getDatabaseProductName()).thenReturn("MySQL");
                when(connection.prepareStatement(anyString())).thenAnswer(prepare -> {
                    statements.add(name + ": " + prepare.getArgument(0));
                    return mock(PreparedStatement.class);
                });
                return connection;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pool;
    }
}
