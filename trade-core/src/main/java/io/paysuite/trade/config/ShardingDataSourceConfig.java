package io.paysuite.trade.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paysuite.trade.infra.sharding.ShardingRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The only {@link DataSource} of trade-core: ShardingSphere-JDBC over one Hikari pool per
 * physical database. Before ShardingSphere starts (it reads the tables' metadata), the versioned
 * migrations in {@code classpath:db/migration/shard} are applied to EVERY physical database, so
 * all shards always have the same schema version; start-up fails if one of them cannot migrate.
 *
 * <p>Logic tables and where their rows go: see {@link io.paysuite.trade.infra.sharding.GeneShardingAlgorithm}.
 */
@Configuration(proxyBeanMethods = false)
public class ShardingDataSourceConfig {

    static final String MIGRATIONS = "classpath:db/migration/shard";

    private static final Logger log = LoggerFactory.getLogger(ShardingDataSourceConfig.class);

    @Bean(destroyMethod = "close")
    DataSource dataSource(ShardingProperties props) throws SQLException, IOException {
        Map<String, DataSource> physical = new LinkedHashMap<>();
        try {
            for (int i = 0; i < props.databases(); i++) {
                String name = ShardingRules.dataSourceName(i);
                HikariDataSource pool = pool(name, props.urls().get(i), props);
                physical.put(name, pool);
                migrate(name, pool);
            }
            String yaml = new ShardingRules(props.databases(), props.tablesPerDatabase())
                    .databaseAndTableSharded("trade_order", "trade_no,buyer_id")
                    .databaseAndTableSharded("trade_merchant_index", "merchant_id")
                    .databaseSharded("trade_event", "event_id,trade_no")
                    .databaseAndTableSharded("refund_order", "refund_no,trade_no")
                    .databaseAndTableSharded("refund_merchant_index", "merchant_id")
                    .toYaml(props.sqlShow());
            return YamlShardingSphereDataSourceFactory.createDataSource(physical, yaml.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException | SQLException | IOException startFailed) {
            physical.values().forEach(ds -> ((HikariDataSource) ds).close());
            throw startFailed;
        }
    }

    private static HikariDataSource pool(String name, String url, ShardingProperties props) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("trade-" + name);
        config.setJdbcUrl(url);
        config.setUsername(props.username());
        config.setPassword(props.password());
        config.setMaximumPoolSize(props.poolSize());
        return new HikariDataSource(config);
    }

    private static void migrate(String name, DataSource physical) {
        Flyway flyway = Flyway.configure()
                .dataSource(physical)
                .locations(MIGRATIONS)
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        var current = flyway.info().current();
        log.info("flyway {}: {} migration(s) applied, schema version now {}", name, applied,
                current == null ? "none" : current.getVersion());
    }
}
