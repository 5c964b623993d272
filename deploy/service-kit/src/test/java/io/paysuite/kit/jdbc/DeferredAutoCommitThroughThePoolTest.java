package io.paysuite.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paysuite.kit.sharding.DirectReads;
import io.paysuite.kit.sharding.PhysicalPools;
import io.paysuite.kit.sharding.ShardingRules;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The wrapper as the suite runs it: a real Hikari pool opening its connections through a
 * {@link DeferredAutoCommitDataSource}, Spring's transaction manager and JdbcTemplate on top, a driver
 * session that logs what it would send (no server).
 */
class DeferredAutoCommitThroughThePoolTest {

    static final String TRADE_NO = "T2026120714000001000010007";

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

    @Test
    void aTransactionPinnedPastShardingSphereGivesThePoolTheSameCallsAndItsConnectionBackOnce() {
        // one database, four tables: gene 7 is ds_0's trade_order_3; the sharded side must never be asked
        DataSource sharded = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new AssertionError("went through ShardingSphere: " + method.getName());
                });
        DirectReads direct = new DirectReads(sharded, new ShardingRules(1, 4)
                .databaseAndTableSharded("trade_order", "trade_no,buyer_id").databaseSharded("trade_event", "event_id,trade_no"),
                List.of(pool), List.of(), true);
        JdbcTemplate jdbc = new JdbcTemplate(direct);
        TransactionTemplate pinned = new TransactionTemplate(new DataSourceTransactionManager(direct));

        for (int i = 0; i < 2; i++) {
            direct.onShardOf("T2026120714000001000010007", () -> pinned.execute(status -> {
                jdbc.update("UPDATE trade_order SET status = ? WHERE trade_no = ?", "PAID", "T2026120714000001000010007");
                return jdbc.update("INSERT INTO trade_event (event_id, trade_no) VALUES (?, ?)", "E1", "T1");
            }));
        }

        assertThat(session.log).containsExactly(
                "SET autocommit=0",
                "UPDATE trade_order_3 SET status = ? WHERE trade_no = ? [in transaction]",
                "INSERT INTO trade_event (event_id, trade_no) VALUES (?, ?) [in transaction]", "COMMIT",
                "UPDATE trade_order_3 SET status = ? WHERE trade_no = ? [in transaction]",
                "INSERT INTO trade_event (event_id, trade_no) VALUES (?, ?) [in transaction]", "COMMIT");
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("the one connection is back in the pool").isZero();
    }

    /**
     * The payment path's mix on one trade's database: a read of the trade by number in auto-commit, then one trade's
     * transaction, three times. On one pool every read between two transactions switches the session on and off again;
     * with the reads on an auto-commit pool of their own the transaction pool's session is switched off once.
     */
    @Test
    void readsBetweenPinnedTransactionsCostNoSetAutocommitOnAPoolOfTheirOwn() {
        DriverSession readSession = new DriverSession();
        HikariDataSource readPool = pool(readSession);
        try {
            paymentsOf(direct(new PhysicalPools(List.of(pool), List.of(readPool))), 3);

            assertThat(session.log).as("the transaction pool's session").containsExactly(
                    "SET autocommit=0",
                    "UPDATE trade_order_3 SET status = ? WHERE trade_no = ? [in transaction]", "COMMIT",
                    "UPDATE trade_order_3 SET status = ? WHERE trade_no = ? [in transaction]", "COMMIT",
                    "UPDATE trade_order_3 SET status = ? WHERE trade_no = ? [in transaction]", "COMMIT");
            assertThat(readSession.log).as("the auto-commit pool's session").containsExactly(
                    "SELECT status FROM trade_order_3 WHERE trade_no = ? [autocommit]",
                    "SELECT status FROM trade_order_3 WHERE trade_no = ? [autocommit]",
                    "SELECT status FROM trade_order_3 WHERE trade_no = ? [autocommit]");
        } finally {
            readPool.close();
        }
    }

    @Test
    void onOnePoolEachReadBetweenTwoTransactionsCostsTwoSetAutocommit() {
        paymentsOf(direct(PhysicalPools.shared(List.of(pool))), 3);

        assertThat(session.log).containsExactly(
                "SELECT status FROM trade_order_3 WHERE trade_no = ? [autocommit]",
                "SET autocommit=0", "UPDATE trade_order_3 SET status = ? WHERE trade_no = ? [in transaction]", "COMMIT",
                "SET autocommit=1", "SELECT status FROM trade_order_3 WHERE trade_no = ? [autocommit]",
                "SET autocommit=0", "UPDATE trade_order_3 SET status = ? WHERE trade_no = ? [in transaction]", "COMMIT",
                "SET autocommit=1", "SELECT status FROM trade_order_3 WHERE trade_no = ? [autocommit]",
                "SET autocommit=0", "UPDATE trade_order_3 SET status = ? WHERE trade_no = ? [in transaction]", "COMMIT");
    }

    private static void paymentsOf(DirectReads direct, int payments) {
        JdbcTemplate jdbc = new JdbcTemplate(direct);
        TransactionTemplate pinned = new TransactionTemplate(new DataSourceTransactionManager(direct));
        for (int i = 0; i < payments; i++) {
            direct.byOrderNo("trade_order", TRADE_NO, () -> jdbc.execute("SELECT status FROM trade_order WHERE trade_no = ?",
                    (PreparedStatementCallback<Boolean>) PreparedStatement::execute));
            direct.onShardOf(TRADE_NO, () -> pinned.execute(status -> jdbc.update(
                    "UPDATE trade_order SET status = ? WHERE trade_no = ?", "PAID", TRADE_NO)));
        }
    }

    /** One database, four tables (gene 7 is ds_0's trade_order_3); the sharded side must never be asked. */
    private static DirectReads direct(PhysicalPools production) {
        DataSource sharded = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new AssertionError("went through ShardingSphere: " + method.getName());
                });
        return new DirectReads(sharded, new ShardingRules(1, 4).databaseAndTableSharded("trade_order", "trade_no,buyer_id"),
                production, PhysicalPools.NONE, true, true);
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
