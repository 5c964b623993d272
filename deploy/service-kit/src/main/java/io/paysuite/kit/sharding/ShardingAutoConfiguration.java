package io.paysuite.kit.sharding;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paysuite.kit.jdbc.AutoCommitProperties;
import io.paysuite.kit.jdbc.DeferredAutoCommitDataSource;
import io.paysuite.kit.jdbc.MySqlSessionProperties;
import io.paysuite.kit.jdbc.PreparedStatementProperties;
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
 *
 * <p>Pools, per physical database, named for the metrics and logs: {@code <prefix>-ds_N}, the transaction pool
 * ShardingSphere and the pinned transactions run on ({@code paysuite.sharding.pool-size}); {@code <prefix>-ds_N-autocommit},
 * the direct single statements' pool ({@code paysuite.sharding.auto-commit-pool-size}, 0 for none: why two,
 * {@link PhysicalPools}); with shadows, {@code <prefix>-ds_N-shadow} and {@code <prefix>-ds_N-shadow-autocommit}, which
 * hold no connection while no load test runs. All of them close with the data source.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = {
        "org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory",
        "com.zaxxer.hikari.HikariDataSource",
        "org.flywaydb.core.Flyway"})
@Conditional(OnShardingUrls.class)
@EnableConfigurationProperties({ShardingProperties.class, ShadowProperties.class, AutoCommitProperties.class,
        PreparedStatementProperties.class})
public class ShardingAutoConfiguration {

    static final String MIGRATIONS = "classpath:db/migration/shard";
    /** Appended to a transaction pool's name for the auto-commit pool beside it. */
    static final String AUTO_COMMIT_POOL = "-autocommit";

    private static final Logger log = LoggerFactory.getLogger(ShardingAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    DirectReads dataSource(ShardingProperties props, ShardedTables tables, ShadowProperties shadow,
            AutoCommitProperties autoCommit, PreparedStatementProperties statements)
            throws SQLException, IOException {
        PoolSession session = new PoolSession(autoCommit, statements);
        Map<String, DataSource> physical = new LinkedHashMap<>();
        List<HikariDataSource> started = new ArrayList<>();
        List<DataSource> production = new ArrayList<>();
        List<DataSource> productionAutoCommit = new ArrayList<>();
        List<DataSource> shadows = new ArrayList<>();
        List<DataSource> shadowsAutoCommit = new ArrayList<>();
        try {
            ShardingRules rules = tables.rules(props.databases(), props.tablesPerDatabase());
            if (shadow.enabled()) {
                rules.withShadow();
            }
            for (int i = 0; i < props.databases(); i++) {
                String name = ShardingRules.dataSourceName(i);
                String url = props.urls().get(i);
                String poolName = tables.poolPrefix() + "-" + name;
                HikariDataSource pool = started(started, poolConfig(poolName, url, props.poolSize(), false, props, session));
                physical.put(rules.physicalName(i), pool);
                production.add(pool);
                migrate(name, pool);
                productionAutoCommit.add(props.separateAutoCommitPools()
                        ? started(started, autoCommitPoolConfig(poolName, url, false, props, session)) : pool);
                if (shadow.enabled()) {
                    String shadowPoolName = poolName + "-shadow";
                    String shadowUrl = shadow.shadowUrl(url);
                    HikariDataSource shadowPool = started(started,
                            poolConfig(shadowPoolName, shadowUrl, shadow.poolSize(), true, props, session));
                    physical.put(ShardingRules.shadowName(i), shadowPool);
                    shadows.add(shadowPool);
                    migrate(ShardingRules.shadowName(i), shadowPool);
                    shadowsAutoCommit.add(props.separateAutoCommitPools()
                            ? started(started, autoCommitPoolConfig(shadowPoolName, shadowUrl, true, props, session)) : shadowPool);
                }
            }
            String yaml = rules.toYaml(props.sqlShow());
            DataSource sharded = YamlShardingSphereDataSourceFactory.createDataSource(physical, yaml.getBytes(StandardCharsets.UTF_8));
            return new DirectReads(shadow.enabled() ? new ShadowHint(sharded) : sharded, rules,
                    new PhysicalPools(production, productionAutoCommit), new PhysicalPools(shadows, shadowsAutoCommit),
                    props.directReads(), props.directTransactions());
        } catch (RuntimeException | SQLException | IOException startFailed) {
            started.forEach(HikariDataSource::close);
            throw startFailed;
        }
    }

    /** A pool started from {@code config}, noted in {@code started} so that a failed start closes it. */
    private static HikariDataSource started(List<HikariDataSource> started, HikariConfig config) {
        HikariDataSource pool = new HikariDataSource(config);
        started.add(pool);
        return pool;
    }

    /**
     * The auto-commit pool beside transaction pool {@code transactionPool} (same URL, account and session settings):
     * {@code paysuite.sharding.auto-commit-pool-size} connections, named {@code <transactionPool>-autocommit}. Its
     * sessions stay at {@code autocommit=1}; the deferred restore is installed all the same, so that a pool of the kit
     * is never the exception (on a session whose auto-commit never changes it sends nothing).
     */
    static HikariConfig autoCommitPoolConfig(String transactionPool, String url, boolean shadowSide, ShardingProperties props,
            PoolSession session) {
        return poolConfig(transactionPool + AUTO_COMMIT_POOL, url, props.autoCommitPoolSize(), shadowSide, props, session);
    }

    static HikariConfig poolConfig(String poolName, String url, int size, boolean shadowSide, ShardingProperties props,
            PoolSession session) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(url);
        config.setUsername(props.username());
        config.setPassword(props.password());
        config.setMaximumPoolSize(size);
        if (shadowSide) {
            config.setMinimumIdle(0); // no connection held while no load test runs
        }
        // not a bean: the kit's post-processor never sees these pools
        MySqlSessionProperties.applyTo(config, session.statements());
        if (session.autoCommit().deferRestore()) {
            // beneath Hikari, under ShardingSphere: it passes each transaction's setAutoCommit to these connections
            DeferredAutoCommitDataSource.install(config);
        }
        return config;
    }

    /** How every physical pool's sessions are set up: the kit's {@code paysuite.jdbc.*} settings. */
    record PoolSession(AutoCommitProperties autoCommit, PreparedStatementProperties statements) {

        static PoolSession defaults() {
            return new PoolSession(AutoCommitProperties.defaults(), PreparedStatementProperties.defaults());
        }
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
