package io.paysuite.trade.infra.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.kit.sharding.DirectReads;
import io.paysuite.kit.sharding.DirectRoute;
import io.paysuite.kit.sharding.ShardingRules;
import io.paysuite.trade.config.RecordedShards;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * ShardingSphere itself, as the kit configures it over trade-core's rules ({@code ShardingConfig}), and the direct route
 * ({@link DirectReads#byKey}) put a merchant's index row in the same physical table: a claim written through either is
 * found through the other, and sits in the table {@link ShardingRules#routeOfKey} names. The mapper's own statements,
 * over in-memory databases.
 */
class MerchantIndexPlacementTest {

    /** Built once: ShardingSphere takes seconds to start. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final ShardingRules RULES = RecordedShards.tradeRules();
    private static DataSource sharded;
    private static DirectReads direct;

    @BeforeAll
    static void shardingSphereAndTheDirectRouteOverTheSameDatabases() throws Exception {
        Map<String, DataSource> physical = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            physical.put(ShardingRules.dataSourceName(i), database(i));
        }
        sharded = YamlShardingSphereDataSourceFactory.createDataSource(physical, RULES.toYaml(false).getBytes(StandardCharsets.UTF_8));
        direct = new DirectReads(sharded, RULES, List.copyOf(physical.values()), List.of(), true);
    }

    @Test
    void aClaimWrittenThroughShardingSphereIsFoundDirectlyAndTheOtherWayRoundInTheTableTheRouteNames() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 150; i++) {
            // numeric ones too: ShardGene.ofUserId would read those as numbers, the algorithm hashes every merchant id
            String merchant = i % 3 == 0 ? "M" + (200_000 + i) : i % 3 == 1 ? Long.toString(random.nextLong() >>> 1)
                    : "mch-" + Long.toHexString(random.nextLong());
            String why = "seed " + seed + ", merchant " + merchant;
            boolean throughShardingSphere = i % 4 < 2;
            String outTradeNo = "ORDER-" + i;

            if (throughShardingSphere) {
                claim(sharded, merchant, outTradeNo);
            } else {
                direct.byKey("trade_merchant_index", merchant, () -> claim(direct, merchant, outTradeNo));
            }

            DirectRoute route = RULES.routeOfKey("trade_merchant_index", merchant);
            assertThat(physicalTablesHolding(merchant)).as(why).containsExactly("ds_" + route.database() + "." + route.physicalTable());
            assertThat(find(sharded, merchant, outTradeNo)).as("through ShardingSphere: " + why).isEqualTo("T" + i);
            assertThat(direct.byKey("trade_merchant_index", merchant, () -> find(direct, merchant, outTradeNo)))
                    .as("directly: " + why).isEqualTo("T" + i);
        }
    }

    private static Object claim(DataSource through, String merchant, String outTradeNo) {
        try (Connection c = through.getConnection(); PreparedStatement insert = c.prepareStatement(statement("insert"))) {
            insert.setString(1, merchant);
            insert.setString(2, outTradeNo);
            insert.setString(3, "T" + outTradeNo.substring("ORDER-".length()));
            insert.setString(4, "d".repeat(64));
            insert.setTimestamp(5, Timestamp.valueOf("2026-12-07 10:00:00"));
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(DataSource through, String merchant, String outTradeNo) {
        try (Connection c = through.getConnection(); PreparedStatement find = c.prepareStatement(statement("find"))) {
            find.setString(1, merchant);
            find.setString(2, outTradeNo);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? row.getString("trade_no") : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every physical table, of every database, that holds a row of {@code merchant}. */
    private static List<String> physicalTablesHolding(String merchant) throws SQLException {
        List<String> holding = new ArrayList<>();
        for (int database = 0; database < 2; database++) {
            for (int table = 0; table < 4; table++) {
                try (Connection c = DriverManager.getConnection(url(database));
                     PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM trade_merchant_index_" + table
                             + " WHERE merchant_id = ?")) {
                    count.setString(1, merchant);
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) > 0) {
                            holding.add("ds_" + database + ".trade_merchant_index_" + table);
                        }
                    }
                }
            }
        }
        return holding;
    }

    /** The mapper's statement, as MyBatis sends it (its parameters become placeholders). */
    private static String statement(String method) {
        try {
            Method mapperMethod = Arrays.stream(MerchantIndexMapper.class.getMethods())
                    .filter(m -> m.getName().equals(method)).findFirst().orElseThrow();
            String[] sql = mapperMethod.isAnnotationPresent(Insert.class) ? mapperMethod.getAnnotation(Insert.class).value()
                    : mapperMethod.getAnnotation(Select.class).value();
            return String.join(" ", sql).replaceAll("#\\{[^}]+}", "?");
        } catch (RuntimeException e) {
            throw new IllegalStateException("no statement " + method, e);
        }
    }

    private static DataSource database(int index) throws SQLException {
        // H2 is on the runtime classpath only (ShardingSphere's standalone repository brings it): named by URL, not class
        DataSource h2 = new DriverManagerDataSource(url(index));
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            for (int table = 0; table < 4; table++) {
                s.execute("CREATE TABLE trade_merchant_index_" + table + " (merchant_id VARCHAR(32) NOT NULL,"
                        + " out_trade_no VARCHAR(64) NOT NULL, trade_no VARCHAR(32) NOT NULL, request_digest CHAR(64) NOT NULL,"
                        + " created_at TIMESTAMP(3) NOT NULL, PRIMARY KEY (merchant_id, out_trade_no))");
            }
        }
        return h2;
    }

    private static String url(int index) {
        return "jdbc:h2:mem:" + RUN + "_ds_" + index + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
    }
}
