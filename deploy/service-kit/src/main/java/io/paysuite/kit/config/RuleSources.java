package io.paysuite.kit.config;

import java.util.List;
import java.util.function.Supplier;

/**
 * Opens {@link RuleSource}s on the service's config center: the one way a service reads a
 * run-time rule. A bean of the kit ({@link ConfigCenterAutoConfiguration}); a unit test builds one
 * over a {@link LocalConfigCenter}.
 */
public final class RuleSources {

    private final ConfigCenter center;
    private final RuleMetrics metrics;

    public RuleSources(ConfigCenter center, RuleMetrics metrics) {
        this.center = center;
        this.metrics = metrics;
    }

    public RuleSources(ConfigCenter center) {
        this(center, RuleMetrics.NONE);
    }

    /** A started source of the rules under {@code key}; close it to stop watching. */
    public <E> RuleSource<E> open(String key, RuleFormat<E> format, Supplier<List<E>> defaults) {
        return new RuleSource<>(center, key, format, defaults, metrics).start();
    }

    public ConfigCenter center() {
        return center;
    }
}
