package io.paysuite.pay.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.pay.infra.risk.MyBatisRiskCounters;
import io.paysuite.pay.infra.risk.MyBatisRiskDecisions;
import io.paysuite.pay.infra.risk.RiskCounterMapper;
import io.paysuite.pay.infra.risk.RiskCounterSweepJob;
import io.paysuite.pay.infra.risk.RiskDecisionMapper;
import io.paysuite.pay.infra.risk.RiskProperties;
import io.paysuite.kit.config.ConfigCenter;
import io.paysuite.kit.sharding.ShardReads;
import io.paysuite.pay.infra.risk.ConfigCenterRiskRuleSource;
import io.paysuite.pay.risk.RiskEngine;
import io.paysuite.pay.risk.RiskRulePublisher;
import io.paysuite.pay.risk.StaleRiskCounters;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The risk engine and its adapters (docs/architecture.md, "Risk rules"). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RiskProperties.class)
public class RiskConfig {

    @Bean
    ConfigCenterRiskRuleSource riskRuleSource(ConfigCenter center, RiskProperties properties, Clock clock) {
        return new ConfigCenterRiskRuleSource(center, properties, clock);
    }

    @Bean
    MyBatisRiskCounters riskCounters(RiskCounterMapper mapper, Clock clock, ShardReads shards) {
        return new MyBatisRiskCounters(mapper, clock, shards);
    }

    @Bean
    MyBatisRiskDecisions riskDecisions(RiskDecisionMapper mapper, RiskProperties properties, ShardReads shards) {
        return new MyBatisRiskDecisions(mapper, properties.allowSampleRate(), shards);
    }

    @Bean
    RiskEngine riskEngine(ConfigCenterRiskRuleSource rules, MyBatisRiskCounters counters, MyBatisRiskDecisions decisions,
                          MeterRegistry meters, Clock clock, RiskProperties properties) {
        return new RiskEngine(rules, counters, decisions, meters, clock, ZoneId.of(properties.zone()), properties.stepUpWindow());
    }

    @Bean
    StaleRiskCounters staleRiskCounters(MyBatisRiskCounters counters, Clock clock, RiskProperties properties) {
        return new StaleRiskCounters(counters, clock, properties.counterRetention(), properties.sweepBatch(), 100);
    }

    @Bean
    RiskCounterSweepJob riskCounterSweepJob(StaleRiskCounters stale) {
        return new RiskCounterSweepJob(stale);
    }

    @Bean
    RiskRulePublisher riskRulePublisher(ConfigCenterRiskRuleSource rules, Clock clock) {
        return new RiskRulePublisher(rules, clock);
    }
}
