package io.paysuite.kit.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The service's config center and its rule sources: ZooKeeper or Nacos as
 * {@code paysuite.config-center.address} or, without it, {@code dubbo.registry.address} says. Both
 * clients connect on first use, so a service that reads no rule opens nothing.
 */
@AutoConfiguration
@EnableConfigurationProperties(ConfigCenterProperties.class)
public class ConfigCenterAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ConfigCenter.class)
    ConfigCenter ruleConfigCenter(ConfigCenterProperties properties, Environment environment) {
        return properties.open(environment.getProperty("dubbo.registry.address"));
    }

    @Bean
    @ConditionalOnMissingBean(RuleSources.class)
    RuleSources ruleSources(ConfigCenter center, ObjectProvider<RuleMetrics> metrics) {
        return new RuleSources(center, metrics.getIfAvailable(() -> RuleMetrics.NONE));
    }

    /** The accepted/refused counters where the service has Micrometer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class RuleMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean(RuleMetrics.class)
        RuleMetrics ruleMetrics(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meters = registry.getIfAvailable();
            return meters == null ? RuleMetrics.NONE : new MicrometerRuleMetrics(meters);
        }
    }
}
