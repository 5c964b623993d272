package io.paysuite.kit.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import io.paysuite.kit.jdbc.AutoCommitProperties;
import io.paysuite.kit.jdbc.DeferredAutoCommitDataSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
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
        ShardingProperties props = new ShardingProperties(List.of("jdbc:mysql://db:3306/paysuite_pay_0"), "pay", "", 4, 10, false, true, true);

        HikariConfig on = ShardingAutoConfiguration.poolConfig("pay-ds_0", props.urls().get(0), 10, false, props,
                AutoCommitProperties.defaults());
        HikariConfig off = ShardingAutoConfiguration.poolConfig("pay-ds_0", props.urls().get(0), 10, false, props,
                new AutoCommitProperties(false));

        assertThat(on.getDataSource()).isInstanceOf(DeferredAutoCommitDataSource.class);
        assertThat(on.getDataSourceProperties()).containsEntry("useLocalSessionState", "true");
        assertThat(off.getDataSource()).isNull();
    }
}
