package io.paysuite.kit.sharding;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paysuite.kit.jdbc.AutoCommitProperties;
import io.paysuite.kit.jdbc.DeferredAutoCommitDataSource;
import io.paysuite.kit.jdbc.MySqlSessionProperties;
import io.paysuite.kit.shadow.ShadowHint;
import io.paysuite.kit.shadow.ShadowProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The only {@link DataSource} of a sharded service (trade-core, pay-core): ShardingSphere-JDBC
 * over one Hikari pool per physical database. Before ShardingSphere starts (it reads the tables'
 * metadata), the versioned migrations in {@code classpath:db/migration/shard} are applied to EVERY
 * physical database, so all shards always have the same schema version; start-up fails if one of
 * them cannot migrate.
 *
 * <p>ShardingSphere-JDBC rather than a proxy: routing stays inside the service's process, with no
 * extra hop or server to run. Switched on by ShardingSphere on the classpath and
 * {@code paysuite.sharding.urls} being set; the service's {@link ShardedTables} bean names its
 * logic tables. Ordered before Spring Boot's data source so that one backs off.
 *
 * <p>Logic tables and where their rows go: see {@link GeneShardingAlgorithm}. A row read or written by its order number
 * outside a transaction, one order's local transaction, a merchant index's row by its merchant outside a transaction
 * and the single tables' statements skip ShardingSphere: {@link DirectReads}.
 *
 * <p>With {@code paysuite.shadow.enabled}, every physical database has a shadow ({@code <db>_shadow}, same
 * migrations, a small pool of its own) and load traffic goes there: ShardingSphere's shadow rule
 * ({@link ShardingRules#withShadow}) behind the kit's {@link ShadowHint}. Off, nothing of it exists.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = {
        "org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory",
        "com.zaxxer.hikari.HikariDataSource",
        "org.flywaydb.core.Flyway"})
@Conditional(OnShardingUrls.class)
@EnableConfigurationProperties({ShardingProperties.class, ShadowProperties.class, AutoCommitProperties.class})
public class ShardingAutoConfiguration {

    static final String MIGRATIONS = "classpath:db/migration/shard";

    private static final Logger log = LoggerFactory.getLogger(ShardingAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    DirectReads dataSource(ShardingProperties props, ShardedTables tables, ShadowProperties shadow,
            AutoCommitProperties autoCommit)
            throws SQLException, IOException {
        Map<String, DataSource> physical = new LinkedHashMap<>();
        List<DataSource> production = new ArrayList<>();
        List<DataSource> shadows = new ArrayList<>();
        try {
            ShardingRules rules = tables.rules(props.databases(), props.tablesPerDatabase());
            if (shadow.enabled()) {
                rules.withShadow();
            }
            for (int i = 0; i < props.databases(); i++) {
                String name = ShardingRules.dataSourceName(i);
                HikariDataSource pool = pool(tables.poolPrefix() + "-" + name, props.urls().get(i), props.poolSize(), false, props,
                        autoCommit);
                physical.put(rules.physicalName(i), pool);
                production.add(pool);
                migrate(name, pool);
                if (shadow.enabled()) {
                    HikariDataSource shadowPool = pool(tables.poolPrefix() + "-" + name + "-shadow",
                            shadow.shadowUrl(props.urls().get(i)), shadow.poolSize(), true, props, autoCommit);
                    physical.put(ShardingRules.shadowName(i), shadowPool);
                    shadows.add(shadowPool);
                    migrate(ShardingRules.shadowName(i), shadowPool);
                }
            }
            String yaml = rules.toYaml(props.sqlShow());
            DataSource sharded = YamlShardingSphereDataSourceFactory.createDataSource(physical, yaml.getBytes(StandardCharsets.UTF_8));
            return new DirectReads(shadow.enabled() ? new ShadowHint(sharded) : sharded, rules, production, shadows,
                    props.directReads(), props.directTransactions());
        } catch (RuntimeException | SQLException | IOException startFailed) {
            physical.values().forEach(ds -> ((HikariDataSource) ds).close());
            throw startFailed;
        }
    }

    private static HikariDataSource pool(String poolName, String url, int size, boolean shadowSide, ShardingProperties props,
            AutoCommitProperties autoCommit) {
        return new HikariDataSource(poolConfig(poolName, url, size, shadowSide, props, autoCommit));
    }

    static HikariConfig poolConfig(String poolName, String url, int size, boolean shadowSide, ShardingProperties props,
            AutoCommitProperties autoCommit) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(url);
        config.setUsername(props.username());
        config.setPassword(props.password());
        config.setMaximumPoolSize(size);
        if (shadowSide) {
            config.setMinimumIdle(0); // no connection held while no load test runs
        }
        MySqlSessionProperties.applyTo(config); // not a bean: the kit's post-processor never sees these pools
        if (autoCommit.deferRestore()) {
            // beneath Hikari, under ShardingSphere: it passes each transaction's setAutoCommit to these connections
            DeferredAutoCommitDataSource.install(config);
        }
        return config;
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
