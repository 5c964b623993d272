package io.paysuite.trade.infra.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.ids.OrderNo;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.kit.shadow.ShadowHint;
import io.paysuite.kit.sharding.ShardingRules;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.ibatis.annotations.Select;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay reads every database for unmarked events, on each side: its find must reach exactly the real databases
 * unmarked and exactly the shadow ones under the load-traffic mark. A find that reached the real databases under
 * the mark would send real events as load traffic, which real consumers then never act on. Proven here with
 * {@code trade_event} sharded as trade-core shards it (ShardingConfig), ShardingSphere's shadow rule as the kit
 * builds it, and the mapper's own statement, over in-memory databases.
 */
class EventRelayShadowRoutingTest {

    private static final Instant COMMITTED = Instant.parse("2026-12-07T10:00:00Z");
    /** Built once: ShardingSphere takes seconds to start. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final OrderNo IDS = new OrderNo(Clock.fixed(COMMITTED, ZoneOffset.UTC), 2);
    private static DataSource sharded;

    @BeforeAll
    static void shardedAndShadowed() throws Exception {
        Map<String, DataSource> physical = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            physical.put(ShardingRules.productionName(i), database(ShardingRules.productionName(i)));
            physical.put(ShardingRules.shadowName(i), database(ShardingRules.shadowName(i)));
        }
        String yaml = new ShardingRules(2, 4).databaseSharded("trade_event", "event_id,trade_no").withShadow().toYaml(false);
        sharded = new ShadowHint(YamlShardingSphereDataSourceFactory.createDataSource(physical, yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theRealSweepFindsTheRealDatabasesEventsAndTheShadowSweepTheShadowOnes() throws Exception {
        String real0 = unmarkedRow(ShardingRules.productionName(0), 516);
        String real1 = unmarkedRow(ShardingRules.productionName(1), 517);
        String load1 = unmarkedRow(ShardingRules.shadowName(1), 519);

        assertThat(findUnpublished()).contains(real0, real1).doesNotContain(load1);
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            assertThat(findUnpublished()).contains(load1).doesNotContain(real0, real1);
        }
    }

    @Test
    void theShadowSweepsMarkLandsOnTheShadowRowOnly() throws Exception {
        String load = unmarkedRow(ShardingRules.shadowName(1), 521);
        String real = unmarkedRow(ShardingRules.productionName(1), 521, load); // the same id on the real side

        try (ShadowContext.Scope marked = ShadowContext.enter(); Connection c = sharded.getConnection();
             PreparedStatement mark = c.prepareStatement(
                     "UPDATE trade_event SET published_at = ? WHERE published_at IS NULL AND event_id IN (?)")) {
            mark.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(COMMITTED.plusSeconds(5), ZoneOffset.UTC)));
            mark.setString(2, load);
            assertThat(mark.executeUpdate()).isEqualTo(1);
        }

        assertThat(publishedAt(ShardingRules.shadowName(1), load)).isNotNull();
        assertThat(publishedAt(ShardingRules.productionName(1), real)).as("the real row is not marked").isNull();
    }

    /** The mapper's statement, as MyBatis sends it (its parameters become placeholders). */
    private static List<String> findUnpublished() throws Exception {
        String sql = String.join(" ", TradeEventMapper.class.getMethod("findUnpublished", LocalDateTime.class, int.class)
                .getAnnotation(Select.class).value()).replaceAll("#\\{[^}]+}", "?");
        try (Connection c = sharded.getConnection(); PreparedStatement find = c.prepareStatement(sql)) {
            find.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(COMMITTED.plusSeconds(60), ZoneOffset.UTC)));
            find.setInt(2, EventRelay.PAGE);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static String unmarkedRow(String database, int gene) throws SQLException {
        return unmarkedRow(database, gene, IDS.next(OrderNo.Kind.EVENT, gene));
    }

    private static String unmarkedRow(String database, int gene, String eventId) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database));
             PreparedStatement insert = c.prepareStatement("INSERT INTO trade_event (event_id, trade_no, event_type,"
                     + " payload, created_at) VALUES (?, ?, 'TRADE_CREATED', '{}', ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, IDS.next(OrderNo.Kind.TRADE, gene));
            insert.setTimestamp(3, Timestamp.valueOf(LocalDateTime.ofInstant(COMMITTED, ZoneOffset.UTC)));
            insert.executeUpdate();
        }
        return eventId;
    }

    private static Timestamp publishedAt(String database, String eventId) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database));
             PreparedStatement read = c.prepareStatement("SELECT published_at FROM trade_event WHERE event_id = ?")) {
            read.setString(1, eventId);
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getTimestamp(1);
            }
        }
    }

    private static DataSource database(String name) throws SQLException {
        // H2 is on the runtime classpath only (ShardingSphere's standalone repository brings it): named by URL, not class
        DataSource h2 = new org.springframework.jdbc.datasource.DriverManagerDataSource(url(name));
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE trade_event (event_id VARCHAR(32) PRIMARY KEY, trade_no VARCHAR(32) NOT NULL,"
                    + " event_type VARCHAR(40) NOT NULL, payload VARCHAR(4000) NOT NULL, created_at TIMESTAMP(3) NOT NULL,"
                    + " trace_id VARCHAR(32), published_at TIMESTAMP(3))");
        }
        return h2;
    }

    private static String url(String name) {
        return "jdbc:h2:mem:" + RUN + "_" + name + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
    }
}
