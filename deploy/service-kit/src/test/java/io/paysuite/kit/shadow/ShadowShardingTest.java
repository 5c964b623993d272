package io.paysuite.kit.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.kit.sharding.ShardingRules;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ShardingSphere's shadow rule as the kit builds it, over in-memory databases: where each row lands. */
class ShadowShardingTest {

    /** Gene 7 (the number's last four digits): ds_1, table (7 / 2) % 4 = 3. */
    static final String REAL_NO = "T202612070000000010007";
    static final String LOAD_NO = "T202612070000000020007";

    /** Built once: ShardingSphere takes seconds to start. Each test uses trade numbers of its own. */
    static final String run = UUID.randomUUID().toString().substring(0, 8);
    static DataSource sharded;

    @BeforeAll
    static void shardedAndShadowed() throws Exception {
        Map<String, DataSource> physical = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            physical.put(ShardingRules.productionName(i), database(ShardingRules.productionName(i)));
            physical.put(ShardingRules.shadowName(i), database(ShardingRules.shadowName(i)));
        }
        String yaml = new ShardingRules(2, 4).databaseAndTableSharded("trade_order", "trade_no,buyer_id")
                .singleTable("risk_counter").withShadow().toYaml(false);
        sharded = new ShadowHint(YamlShardingSphereDataSourceFactory.createDataSource(physical, yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unmarkedWorkWritesTheRealDatabaseTheGeneChoosesAndNothingElse() throws Exception {
        insert(REAL_NO);

        assertThat(count(ShardingRules.productionName(1), "trade_order_3", REAL_NO)).isEqualTo(1);
        assertThat(countEverywhereBut(ShardingRules.productionName(1), "trade_order_3", REAL_NO)).isZero();
    }

    @Test
    void markedWorkWritesTheShadowOfThatDatabaseAndTableOnly() throws Exception {
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            insert(LOAD_NO);
            assertThat(select(LOAD_NO)).isEqualTo(1); // and reads it back from there
        }

        assertThat(count(ShardingRules.shadowName(1), "trade_order_3", LOAD_NO)).isEqualTo(1);
        assertThat(countEverywhereBut(ShardingRules.shadowName(1), "trade_order_3", LOAD_NO)).isZero();
        assertThat(select(LOAD_NO)).as("real traffic does not see it").isZero();
    }

    @Test
    void aSingleTableHasItsShadowToo() throws Exception {
        try (ShadowContext.Scope load = ShadowContext.enter(); Connection c = sharded.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO risk_counter (counter_key, hits) VALUES (?, 1)")) {
            insert.setString(1, "k");
            insert.executeUpdate();
        }
        try (Connection c = sharded.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO risk_counter (counter_key, hits) VALUES ('real', 1)");
        }

        assertThat(count(ShardingRules.shadowName(0), "risk_counter", null)).isEqualTo(1);
        assertThat(count(ShardingRules.productionName(0), "risk_counter", null)).isEqualTo(1);
    }

    @Test
    void aConnectionTakenWithoutTheMarkIsShardingSpheresOwn() throws Exception {
        try (Connection c = sharded.getConnection()) {
            assertThat(c.getClass().getName()).contains("ShardingSphereConnection");
        }
        try (ShadowContext.Scope load = ShadowContext.enter(); Connection c = sharded.getConnection()) {
            assertThat(c.getClass().getName()).doesNotContain("ShardingSphere");
        }
    }

    private void insert(String tradeNo) throws SQLException {
        try (Connection c = sharded.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO trade_order (trade_no, buyer_id) VALUES (?, ?)")) {
            insert.setString(1, tradeNo);
            insert.setString(2, "10000000007");
            insert.executeUpdate();
        }
    }

    private int select(String tradeNo) throws SQLException {
        try (Connection c = sharded.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT COUNT(*) FROM trade_order WHERE trade_no = ?")) {
            query.setString(1, tradeNo);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static DataSource database(String name) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url(name));
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            for (int t = 0; t < 4; t++) {
                s.execute("CREATE TABLE trade_order_" + t + " (trade_no VARCHAR(32) PRIMARY KEY, buyer_id VARCHAR(32))");
            }
            s.execute("CREATE TABLE risk_counter (counter_key VARCHAR(32) PRIMARY KEY, hits INT)");
        }
        return h2;
    }

    private static String url(String name) {
        return "jdbc:h2:mem:" + run + "_" + name + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
    }

    private static int count(String database, String table, String tradeNo) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + (tradeNo == null ? "" : " WHERE trade_no = '" + tradeNo + "'"))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int countEverywhereBut(String database, String table, String tradeNo) throws SQLException {
        int rows = 0;
        for (int i = 0; i < 2; i++) {
            for (String db : new String[] {ShardingRules.productionName(i), ShardingRules.shadowName(i)}) {
                for (int t = 0; t < 4; t++) {
                    String name = "trade_order_" + t;
                    if (!(db.equals(database) && name.equals(table))) {
                        rows += count(db, name, tradeNo);
                    }
                }
            }
        }
        return rows;
    }
}
