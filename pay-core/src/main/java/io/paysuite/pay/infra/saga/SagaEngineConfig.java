package io.paysuite.pay.infra.saga;

import io.paysuite.kit.sharding.ShardingProperties;
import io.seata.saga.engine.StateMachineEngine;
import io.seata.saga.engine.config.DbStateMachineConfig;
import io.seata.saga.engine.impl.ProcessCtrlStateMachineEngine;
import io.seata.saga.rm.StateMachineEngineHolder;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Seata's Saga engine embedded in pay-core (docs/adr/0008): the state machines under
 * {@code statelang/}, its log in the first pay database ({@link SagaStore}), each run registered as a
 * global transaction with the Seata coordinator of {@code seata.tx-service-group} (the suite's TC) so
 * that a run left unfinished by a killed pay-core is recovered after {@code paysuite.saga.trans-operation-timeout}.
 * Seata's own Saga auto-configuration is off ({@code seata.saga.enabled: false}): it would put the log on
 * the only {@code DataSource} bean, ShardingSphere's, which cannot hold unsharded tables.
 *
 * <p>Library: {@code io.seata:seata-spring-boot-starter} 2.0.0 (the shaded seata-all carries the engine),
 * the same version as the coordinator the suite runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SagaProperties.class)
public class SagaEngineConfig {

    /** The state machines this engine runs; loaded into seata_state_machine_def at start. */
    static final String STATE_LANGUAGE = "classpath*:statelang/*.json";

    /** @param shardedDataSource only to start after it: its migrations create the Saga tables */
    @Bean(destroyMethod = "close")
    SagaStore sagaStore(ShardingProperties sharding, SagaProperties properties, DataSource shardedDataSource) {
        return new SagaStore(sharding, properties.poolSize());
    }

    @Bean
    DbStateMachineConfig sagaStateMachineConfig(SagaStore store, SagaProperties properties,
                                                @Value("${seata.application-id:${spring.application.name}}") String applicationId,
                                                @Value("${seata.tx-service-group}") String txServiceGroup) {
        DbStateMachineConfig config = new DbStateMachineConfig();
        config.setDataSource(store.dataSource());
        config.setApplicationId(applicationId);
        config.setTxServiceGroup(txServiceGroup);
        config.setResources(new String[] {STATE_LANGUAGE});
        config.setEnableAsync(false);
        config.setSagaJsonParser("jackson");
        config.setTransOperationTimeout(Math.toIntExact(properties.transOperationTimeout().toMillis()));
        config.setServiceInvokeTimeout(Math.toIntExact(properties.serviceInvokeTimeout().toMillis()));
        return config;
    }

    @Bean
    StateMachineEngine sagaEngine(DbStateMachineConfig config) {
        ProcessCtrlStateMachineEngine engine = new ProcessCtrlStateMachineEngine();
        engine.setStateMachineConfig(config);
        // the coordinator's recovery reaches the engine through this holder (Seata's Saga resource manager)
        new StateMachineEngineHolder().setStateMachineEngine(engine);
        return engine;
    }
}
