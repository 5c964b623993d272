package io.paysuite.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.deploy.infra.ExternalInfra;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfraEnvironmentTest {

    /** Shared: the channel keys are RSA pairs, generated once for the class. */
    @TempDir
    static Path work;

    static Map<String, String> production() {
        Map<String, String> env = new HashMap<>();
        env.put("PAYSUITE_INFRA", "external");
        env.put("PAYSUITE_REGISTRY", "nacos://nacos:8848");
        env.put("PAYSUITE_ROCKETMQ_NAMESRV", "namesrv:9876");
        env.put("PAYSUITE_SEATA", "seata:8091");
        env.put("PAYSUITE_TRADE_DB_0", "jdbc:mysql://mysql-a:3306/paysuite_trade_0?useSSL=false");
        env.put("PAYSUITE_TRADE_DB_1", "jdbc:mysql://mysql-b:3306/paysuite_trade_1?useSSL=false");
        env.put("PAYSUITE_PAY_DB_0", "jdbc:mysql://mysql-a:3306/paysuite_pay_0");
        env.put("PAYSUITE_PAY_DB_1", "jdbc:mysql://mysql-b:3306/paysuite_pay_1");
        env.put("PAYSUITE_DB_MEMBER", "jdbc:mysql://mysql-a:3306/paysuite_member");
        env.put("PAYSUITE_DB_ACCOUNTING", "jdbc:mysql://mysql-a:3306/paysuite_accounting");
        env.put("PAYSUITE_DB_CHANNEL", "jdbc:mysql://mysql-b:3306/paysuite_channel");
        env.put("PAYSUITE_DB_CASHIER", "jdbc:mysql://mysql-b:3306/paysuite_cashier");
        env.put("PAYSUITE_DB_USERNAME", "paysuite");
        env.put("PAYSUITE_DB_PASSWORD", "s3cret");
        return env;
    }

    @Test
    void withoutTheExternalModeTheSuiteStartsItsEmbeddedServers() {
        assertThat(InfraEnvironment.read(Map.of())).isEmpty();
        assertThat(InfraEnvironment.read(Map.of("PAYSUITE_INFRA", "embedded"))).isEmpty();
    }

    @Test
    void eachDatabaseHasItsOwnVariable() {
        assertThat(InfraEnvironment.variableOf("paysuite_trade_0")).isEqualTo("PAYSUITE_TRADE_DB_0");
        assertThat(InfraEnvironment.variableOf("paysuite_pay_1")).isEqualTo("PAYSUITE_PAY_DB_1");
        assertThat(InfraEnvironment.variableOf("paysuite_member")).isEqualTo("PAYSUITE_DB_MEMBER");
        assertThat(InfraEnvironment.variableOf("paysuite_cashier")).isEqualTo("PAYSUITE_DB_CASHIER");
    }

    @Test
    void theExternalModeNamesEveryMissingVariableAtOnce() {
        Map<String, String> env = production();
        env.remove("PAYSUITE_PAY_DB_1");
        env.remove("PAYSUITE_REGISTRY");

        assertThatThrownBy(() -> InfraEnvironment.read(env))
                .hasMessageContaining("PAYSUITE_PAY_DB_1").hasMessageContaining("PAYSUITE_REGISTRY");
    }

    @Test
    void aShardedServiceGetsItsTwoDatabasesOnTheirOwnServersAndTheRegistryAndBrokerFromTheEnvironment() {
        ExternalInfra servers = InfraEnvironment.read(production()).orElseThrow();
        SuiteConfig config = SuiteConfig.local(Path.of("/repo"), work).withExternal(servers);

        Map<String, String> args = new ServiceArguments(config, servers, ChannelKeys.ensure(work))
                .of(ServiceId.TRADE_CORE, config.ports(ServiceId.TRADE_CORE), 3, Map.of());

        assertThat(args).containsEntry("dubbo.registry.address", "nacos://nacos:8848")
                .containsEntry("paysuite.events.namesrv", "namesrv:9876")
                .containsEntry("paysuite.sharding.urls[0]", "jdbc:mysql://mysql-a:3306/paysuite_trade_0?useSSL=false")
                .containsEntry("paysuite.sharding.urls[1]", "jdbc:mysql://mysql-b:3306/paysuite_trade_1?useSSL=false")
                .containsEntry("paysuite.sharding.username", "paysuite")
                .containsEntry("paysuite.sharding.password", "s3cret")
                .containsEntry("paysuite.node", "3");
    }

    @Test
    void withANacosRegistryNoZooKeeperAddressIsPassedForTheRunTimeRules() {
        ExternalInfra servers = InfraEnvironment.read(production()).orElseThrow();
        SuiteConfig config = SuiteConfig.local(Path.of("/repo"), work).withExternal(servers);
        ServiceArguments arguments = new ServiceArguments(config, servers, ChannelKeys.ensure(work));

        Map<String, String> cashier = arguments.of(ServiceId.CASHIER_SERVICE, config.ports(ServiceId.CASHIER_SERVICE), 1, Map.of());
        Map<String, String> channel = arguments.of(ServiceId.CHANNEL_GATEWAY, config.ports(ServiceId.CHANNEL_GATEWAY), 2, Map.of());

        assertThat(cashier).containsEntry("spring.datasource.url", "jdbc:mysql://mysql-b:3306/paysuite_cashier")
                .doesNotContainKey("paysuite.cashier.limits.zookeeper");
        assertThat(channel).doesNotContainKey("paysuite.channel.isolation.zookeeper");
    }

    @Test
    void theExternalDatabasesCreateEachDatabaseOnItsOwnServer() {
        Map<String, String> env = new HashMap<>(production());
        ExternalInfra servers = InfraEnvironment.read(env).orElseThrow();

        assertThat(servers.database().jdbcUrl("")).isEqualTo("jdbc:mysql://mysql-a:3306/");
        assertThat(servers.database().jdbcUrl("paysuite_pay_1")).isEqualTo("jdbc:mysql://mysql-b:3306/paysuite_pay_1");
    }
}
