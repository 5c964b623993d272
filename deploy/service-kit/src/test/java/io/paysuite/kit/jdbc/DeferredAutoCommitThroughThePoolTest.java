package io.paysuite.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The wrapper as the suite runs it: a real Hikari pool opening its connections through a
 * {@link DeferredAutoCommitDataSource}, Spring's transaction manager and JdbcTemplate on top, a driver
 * session that logs what it would send (no server).
 */
class DeferredAutoCommitThroughThePoolTest {

    final DriverSession session = new DriverSession();
    final HikariDataSource pool = pool(session);
    final JdbcTemplate jdbc = new JdbcTemplate(pool);
    final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void transactionsInARowSendSetAutocommitOnceAndAWriteOutsideThemRunsInAutoCommit() throws SQLException {
        for (int i = 0; i < 3; i++) {
            transactions.executeWithoutResult(status -> jdbc.update("UPDATE trade_order_0 SET status = ?", "PAID"));
        }
        jdbc.update("UPDATE shedlock SET lock_until = ?", 1); // outside a transaction, like ShedLock's

        assertThat(session.log).containsExactly(
                "SET autocommit=0",
                "UPDATE trade_order_0 SET status = ? [in transaction]", "COMMIT",
                "UPDATE trade_order_0 SET status = ? [in transaction]", "COMMIT",
                "UPDATE trade_order_0 SET status = ? [in transaction]", "COMMIT",
                "SET autocommit=1", "UPDATE shedlock SET lock_until = ? [autocommit]");
        try (Connection borrowed = pool.getConnection()) {
            assertThat(borrowed.getAutoCommit()).as("Hikari hands out what its default says").isTrue();
            assertThat(borrowed.unwrap(DriverSession.DriverConnection.class)).isSameAs(session.connection);
        }
    }

    @Test
    void aRolledBackTransactionLeavesNothingOwedThatCouldCommit() {
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO refund_order_0 VALUES (?)", "R1");
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> jdbc.update("INSERT INTO refund_order_0 VALUES (?)", "R2"));

        assertThat(session.log).containsExactly(
                "SET autocommit=0",
                "INSERT INTO refund_order_0 VALUES (?) [in transaction]", "ROLLBACK",
                "INSERT INTO refund_order_0 VALUES (?) [in transaction]", "COMMIT");
    }

    private static HikariDataSource pool(DriverSession session) {
        DataSource driver = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> session.connection;
                    case "getLoginTimeout" -> 0;
                    case "isWrapperFor" -> false;
                    default -> null;
                });
        HikariConfig config = new HikariConfig();
        config.setPoolName("deferred-auto-commit-test");
        config.setDataSource(new DeferredAutoCommitDataSource("jdbc:mysql://fake/paysuite_trade_0", () -> driver));
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }
}
