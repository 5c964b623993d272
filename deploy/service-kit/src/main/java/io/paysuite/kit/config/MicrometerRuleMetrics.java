package io.paysuite.kit.config;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code paysuite.config.rules.accepted} and {@code paysuite.config.rules.refused} (tag {@code key}):
 * a refused count above zero means an operator's change is not in force — worth an alert.
 */
public final class MicrometerRuleMetrics implements RuleMetrics {

    private final MeterRegistry registry;

    public MicrometerRuleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accepted(String key) {
        registry.counter("paysuite.config.rules.accepted", "key", key).increment();
    }

    @Override
    public void refused(String key) {
        registry.counter("paysuite.config.rules.refused", "key", key).increment();
    }
}
