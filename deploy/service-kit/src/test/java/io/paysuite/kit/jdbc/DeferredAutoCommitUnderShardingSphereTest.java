package io.paysuite.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paysuite.kit.sharding.ShardingRules;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sharded services' stack with the wrapper beneath each physical pool — ShardingSphere-JDBC over Hikari over
 * {@link DeferredAutoCommitDataSource} over in-memory databases — with Spring's transaction manager on top:
 * ShardingSphere passes each transaction's {@code setAutoCommit} to the physical connections, and what must hold
 * is that the owed restore saves the SETs and never leaves a write uncommitted.
 */
class DeferredAutoCommitUnderShardingSphereTest {

    static final String run = UUID.randomUUID().toString().substring(0, 8);
    /** Real {@code setAutoCommit} changes reaching the databases (what the server would see as SET autocommit). */
    static final AtomicInteger autoCommitChanges = new AtomicInteger();
    static final AtomicInteger trades = new AtomicInteger();
    static DataSource sharded;
    static JdbcTemplate jdbc;
    static TransactionTemplate transactions;

    @BeforeAll
    static void shardedOverWrappedPools() throws Exception {
        Map<String, DataSource> physical = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            physical.put(ShardingRules.dataSourceName(i), pool(ShardingRules.dataSourceName(i)));
        }
        String yaml = new ShardingRules(2, 4).databaseAndTableSharded("trade_order", "trade_no,buyer_id").toYaml(false);
        sharded = YamlShardingSphereDataSourceFactory.createDataSource(physical, yaml.getBytes(StandardCharsets.UTF_8));
        jdbc = new JdbcTemplate(sharded);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(sharded));
    }

    @Test
    void transactionsInARowSwitchAutoCommitOffOnceAndCommitEveryRow() throws SQLException {
        transactions.executeWithoutResult(status -> insert(nextTradeNo())); // the pool's connection is now off
        int before = autoCommitChanges.get();

        String[] tradeNos = new String[5];
        for (int i = 0; i < tradeNos.length; i++) {
            String tradeNo = nextTradeNo();
            tradeNos[i] = tradeNo;
            transactions.executeWithoutResult(status -> insert(tradeNo));
        }

        assertThat(autoCommitChanges.get() - before).as("no SET autocommit between the transactions").isZero();
        for (String tradeNo : tradeNos) {
            assertThat(countSeenByAnotherSession(tradeNo)).as(tradeNo + " committed").isEqualTo(1);
        }
    }

    @Test
    void aWriteOutsideATransactionAfterOneIsCommittedAtOnce() throws SQLException {
        transactions.executeWithoutResult(status -> insert(nextTradeNo()));
        String outside = nextTradeNo();

        insert(outside);

        assertThat(countSeenByAnotherSession(outside)).as("visible to another session: auto-commit was restored first")
                .isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionLeavesNoRowAndTheNextOneCommits() throws SQLException {
        String rolledBack = nextTradeNo();
        String committed = nextTradeNo();

        transactions.executeWithoutResult(status -> {
            insert(rolledBack);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> insert(committed));

        assertThat(countSeenByAnotherSession(rolledBack)).isZero();
        assertThat(countSeenByAnotherSession(committed)).isEqualTo(1);
    }

    /** Gene 7 (the last four digits): always ds_1, trade_order_3. */
    private static String nextTradeNo() {
        return String.format("T20261207%09d0007", trades.incrementAndGet());
    }

    private static void insert(String tradeNo) {
        jdbc.update("INSERT INTO trade_order (trade_no, buyer_id) VALUES (?, ?)", tradeNo, "10000000007");
    }

    private static int countSeenByAnotherSession(String tradeNo) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(ShardingRules.dataSourceName(1)));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM trade_order_3 WHERE trade_no = '" + tradeNo + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static HikariDataSource pool(String name) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url(name));
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            for (int t = 0; t < 4; t++) {
                s.execute("CREATE TABLE trade_order_" + t + " (trade_no VARCHAR(32) PRIMARY KEY, buyer_id VARCHAR(32))");
            }
        }
        DataSource counted = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> method.getName().equals("getConnection")
                        ? counting(h2.getConnection())
                        : invoke(method, h2, args));
        HikariConfig config = new HikariConfig();
        config.setPoolName("sharded-" + name);
        config.setJdbcUrl(url(name)); // kept beside the data source, as install does: ShardingSphere reads it
        config.setMaximumPoolSize(1); // one physical connection: every transaction meets the previous one's state
        config.setDataSource(new DeferredAutoCommitDataSource(url(name), () -> counted));
        return new HikariDataSource(config);
    }

    private static Connection counting(Connection h2) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setAutoCommit") && (Boolean) args[0] != h2.getAutoCommit()) {
                        autoCommitChanges.incrementAndGet();
                    }
                    return invoke(method, h2, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String url(String name) {
        return "jdbc:h2:mem:" + run + "_" + name + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
    }
}
