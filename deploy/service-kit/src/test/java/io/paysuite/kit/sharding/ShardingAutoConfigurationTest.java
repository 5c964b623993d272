package io.paysuite.kit.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paysuite.kit.jdbc.AutoCommitProperties;
import io.paysuite.kit.jdbc.DeferredAutoCommitDataSource;
import io.paysuite.kit.jdbc.PreparedStatementProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ShardingAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ShardingAutoConfiguration.class));

    @Test
    void aServiceWithoutShardingUrlsKeepsItsOwnDataSource() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ShardingProperties.class));
    }

    @Test
    void urlsGivenOneByOneAsTheLauncherDoesSwitchItOn() {
        runner.withPropertyValues("paysuite.sharding.urls[0]=jdbc:mysql://127.0.0.1:1/paysuite_trade_0")
                .run(context -> assertThat(context).getFailure()
                        .isInstanceOf(UnsatisfiedDependencyException.class)
                        .hasMessageContaining(ShardedTables.class.getName()));
    }

    @Test
    void urlsGivenAsOneCommaSeparatedValueSwitchItOn() {
        runner.withPropertyValues("paysuite.sharding.urls=jdbc:mysql://h/paysuite_pay_0,jdbc:mysql://h/paysuite_pay_1")
                .run(context -> assertThat(context).getFailure().hasMessageContaining(ShardedTables.class.getName()));
    }

    @Test
    void theRulesNameEveryDeclaredTableAndTheAlgorithmClass() {
        String yaml = new ShardedTables("pay", rules -> rules.databaseAndTableSharded("pay_order", "pay_order_no,trade_no"))
                .rules(2, 4).toYaml(false);

        assertThat(yaml).contains("pay_order:", "actualDataNodes: ds_${0..1}.pay_order_${0..3}",
                "shardingColumns: pay_order_no,trade_no", "algorithmClassName: " + GeneShardingAlgorithm.class.getName(),
                "sql-show: false");
    }

    @Test
    void aSingleTableLivesInTheFirstDatabaseOnly() throws Exception {
        String yaml = new ShardedTables("pay", rules -> rules.databaseAndTableSharded("pay_order", "pay_order_no,trade_no")
                .singleTable("risk_counter")).rules(2, 4).toYaml(false);

        assertThat(yaml).contains("- !SINGLE\n  tables:\n  - ds_0.risk_counter\n- !SQL_PARSER");
        // read back as ShardingSphere reads it: a single-rule config naming the table in ds_0
        var config = org.apache.shardingsphere.infra.util.yaml.YamlEngine.unmarshal(
                yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), org.apache.shardingsphere.driver.yaml.YamlJDBCConfiguration.class);
        assertThat(config.getRules()).anySatisfy(rule -> assertThat(rule)
                .isInstanceOfSatisfying(org.apache.shardingsphere.single.yaml.config.YamlSingleRuleConfiguration.class,
                        single -> assertThat(single.getTables()).containsExactly("ds_0.risk_counter")));
    }

    @Test
    void thePropsKeepEveryStatementsWorkToParseRouteAndRun() throws Exception {
        String yaml = new ShardedTables("trade", rules -> rules.databaseAndTableSharded("trade_order", "trade_no,buyer_id"))
                .rules(2, 4).toYaml(false);

        var config = org.apache.shardingsphere.infra.util.yaml.YamlEngine.unmarshal(
                yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), org.apache.shardingsphere.driver.yaml.YamlJDBCConfiguration.class);
        assertThat(config.getProps())
                .containsEntry("sql-show", false)
                .containsEntry("check-table-metadata-enabled", false)
                .containsEntry("max-connections-size-per-query", 1)
                .containsEntry("kernel-executor-size", 2);
        assertThat(config.getRules()).anySatisfy(rule -> assertThat(rule)
                .isInstanceOfSatisfying(org.apache.shardingsphere.parser.yaml.config.YamlSQLParserRuleConfiguration.class,
                        parser -> {
                            assertThat(parser.getSqlStatementCache().getInitialCapacity()).isEqualTo(512);
                            assertThat(parser.getSqlStatementCache().getMaximumSize()).isEqualTo(4096L);
                            assertThat(parser.getParseTreeCache().getMaximumSize()).isEqualTo(1024L);
                        }));
    }

    @Test
    void everyPhysicalPoolUnderShardingSphereDefersTheAutoCommitRestoreUnlessSwitchedOff() {
        ShardingProperties props = new ShardingProperties(List.of("jdbc:mysql://db:3306/paysuite_pay_0"), "pay", "", 4, 10, false, true, true, 4);

        HikariConfig on = ShardingAutoConfiguration.poolConfig("pay-ds_0", props.urls().get(0), 10, false, props,
                ShardingAutoConfiguration.PoolSession.defaults());
        HikariConfig off = ShardingAutoConfiguration.poolConfig("pay-ds_0", props.urls().get(0), 10, false, props,
                new ShardingAutoConfiguration.PoolSession(new AutoCommitProperties(false), PreparedStatementProperties.defaults()));

        assertThat(on.getDataSource()).isInstanceOf(DeferredAutoCommitDataSource.class);
        assertThat(on.getDataSourceProperties()).containsEntry("useLocalSessionState", "true");
        assertThat(off.getDataSource()).isNull();
    }

    @Test
    void everyPhysicalPoolPreparesOnTheServerWithABoundedCacheUnlessSwitchedOff() {
        ShardingProperties props = new ShardingProperties(List.of("jdbc:mysql://db:3306/paysuite_trade_0"), "trade", "", 4, 10, false,
                true, true, 4);
        ShardingAutoConfiguration.PoolSession clientSide = new ShardingAutoConfiguration.PoolSession(
                AutoCommitProperties.defaults(), new PreparedStatementProperties(false, 64, 1024));

        HikariConfig transactions = ShardingAutoConfiguration.poolConfig("trade-ds_0", props.urls().get(0), 10, false, props,
                ShardingAutoConfiguration.PoolSession.defaults());
        HikariConfig autoCommit = ShardingAutoConfiguration.autoCommitPoolConfig("trade-ds_0", props.urls().get(0), false,
                props, ShardingAutoConfiguration.PoolSession.defaults());
        HikariConfig off = ShardingAutoConfiguration.poolConfig("trade-ds_0", props.urls().get(0), 10, false, props, clientSide);

        for (HikariConfig pool : List.of(transactions, autoCommit)) {
            assertThat(pool.getDataSourceProperties())
                    .containsEntry("useServerPrepStmts", "true")
                    .containsEntry("cachePrepStmts", "true")
                    .containsEntry("prepStmtCacheSize", "256");
        }
        assertThat(off.getDataSourceProperties())
                .containsEntry("useServerPrepStmts", "false")
                .containsEntry("prepStmtCacheSize", "64")
                .containsEntry("prepStmtCacheSqlLimit", "1024");
    }

    @Test
    void eachDatabaseGetsFourAutoCommitConnectionsByDefaultAndZeroOrNoDirectRoutesMeansNone() {
        String url = "paysuite.sharding.urls[0]=jdbc:mysql://db:3306/paysuite_pay_0";

        assertThat(bound(url).autoCommitPoolSize()).isEqualTo(4);
        assertThat(bound(url).separateAutoCommitPools()).isTrue();
        assertThat(bound(url, "paysuite.sharding.auto-commit-pool-size=0").separateAutoCommitPools()).isFalse();
        assertThat(bound(url, "paysuite.sharding.direct-reads=false").separateAutoCommitPools())
                .as("nothing would use them").isFalse();
    }

    @Test
    void anAutoCommitPoolIsNamedForTheTransactionPoolItSitsBesideOnEitherSide() {
        ShardingProperties props = new ShardingProperties(List.of("jdbc:mysql://db:3306/paysuite_pay_0"), "pay", "", 4, 10, false,
                true, true, 3);

        HikariConfig real = ShardingAutoConfiguration.autoCommitPoolConfig("pay-ds_0", props.urls().get(0), false, props,
                ShardingAutoConfiguration.PoolSession.defaults());
        HikariConfig shadow = ShardingAutoConfiguration.autoCommitPoolConfig("pay-ds_0-shadow",
                "jdbc:mysql://db:3306/paysuite_pay_0_shadow", true, props, ShardingAutoConfiguration.PoolSession.defaults());

        assertThat(real.getPoolName()).isEqualTo("pay-ds_0-autocommit");
        assertThat(real.getMaximumPoolSize()).isEqualTo(3);
        assertThat(real.isAutoCommit()).isTrue();
        assertThat(real.getDataSource()).isInstanceOf(DeferredAutoCommitDataSource.class);
        assertThat(shadow.getPoolName()).isEqualTo("pay-ds_0-shadow-autocommit");
        assertThat(shadow.getMaximumPoolSize()).isEqualTo(3);
        assertThat(shadow.getMinimumIdle()).as("nothing held while no load test runs").isZero();
        assertThat(shadow.getDataSource()).isInstanceOfSatisfying(DeferredAutoCommitDataSource.class,
                wrapper -> assertThat(wrapper.jdbcUrl()).isEqualTo("jdbc:mysql://db:3306/paysuite_pay_0_shadow"));
    }

    @Test
    void theDataSourceHasBothPoolsOfEveryDatabaseOnEitherSideAndClosesThemAll(@TempDir Path run) {
        List<DataSource> pools = new ArrayList<>();
        runner.withBean(ShardedTables.class, () -> new ShardedTables("pay", rules -> rules.databaseAndTableSharded("pay_order",
                        "pay_order_no,trade_no")))
                .withPropertyValues(onDisk(run, 0), onDisk(run, 1), "paysuite.sharding.pool-size=2",
                        "paysuite.sharding.auto-commit-pool-size=1", "paysuite.shadow.enabled=true", "paysuite.shadow.pool-size=2")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DirectReads reads = context.getBean(DirectReads.class);
                    assertThat(poolNames(reads.production().transactions())).containsExactly("pay-ds_0", "pay-ds_1");
                    assertThat(poolNames(reads.production().autoCommit())).containsExactly("pay-ds_0-autocommit", "pay-ds_1-autocommit");
                    assertThat(poolNames(reads.shadow().transactions())).containsExactly("pay-ds_0-shadow", "pay-ds_1-shadow");
                    assertThat(poolNames(reads.shadow().autoCommit()))
                            .containsExactly("pay-ds_0-shadow-autocommit", "pay-ds_1-shadow-autocommit");
                    assertThat(((HikariDataSource) reads.production().autoCommit().get(0)).getMaximumPoolSize()).isEqualTo(1);
                    assertThat(reads.singleTablesDatabase()).as("the real ds_0's transaction pool, shadows or not")
                            .isSameAs(reads.production().transactions().get(0));
                    for (PhysicalPools side : List.of(reads.production(), reads.shadow())) {
                        pools.addAll(side.transactions());
                        pools.addAll(side.autoCommit());
                    }
                });

        assertThat(pools).hasSize(8).allSatisfy(pool -> assertThat(((HikariDataSource) pool).isClosed()).isTrue());
    }

    @Test
    void withoutAutoCommitPoolsTheSingleStatementsShareTheTransactionPools(@TempDir Path run) {
        runner.withBean(ShardedTables.class, () -> new ShardedTables("pay", rules -> rules.databaseAndTableSharded("pay_order",
                        "pay_order_no,trade_no")))
                .withPropertyValues(onDisk(run, 0), "paysuite.sharding.pool-size=2", "paysuite.sharding.auto-commit-pool-size=0")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DirectReads reads = context.getBean(DirectReads.class);
                    assertThat(reads.production().autoCommit()).isEqualTo(reads.production().transactions());
                    assertThat(poolNames(reads.production().autoCommit())).containsExactly("pay-ds_0");
                    assertThat(reads.shadow().isEmpty()).isTrue();
                });
    }

    /**
     * {@code urls[index]}: an H2 database in a file under {@code run}, its URL written with a {@code //} before the
     * database's own directory so that the shadow's URL ({@code pay_0} → {@code pay_0_shadow}) can be made from it.
     */
    private static String onDisk(Path run, int index) {
        return "paysuite.sharding.urls[" + index + "]=jdbc:h2:file:" + run.toAbsolutePath() + "//db/pay_" + index;
    }

    private static List<String> poolNames(List<DataSource> pools) {
        return pools.stream().map(pool -> ((HikariDataSource) pool).getPoolName()).toList();
    }

    private static ShardingProperties bound(String... properties) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String property : properties) {
            int equals = property.indexOf('=');
            values.put(property.substring(0, equals), property.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(values)).bind("paysuite.sharding", ShardingProperties.class).get();
    }
}
