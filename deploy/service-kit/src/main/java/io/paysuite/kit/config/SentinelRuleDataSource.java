package io.paysuite.kit.config;

import com.alibaba.csp.sentinel.datasource.ReadableDataSource;
import com.alibaba.csp.sentinel.property.DynamicSentinelProperty;
import com.alibaba.csp.sentinel.property.SentinelProperty;
import java.util.List;

/**
 * Sentinel rules from the config center: a Sentinel {@link ReadableDataSource} over a
 * {@link RuleSource}, registered like any of Sentinel's own data sources
 * ({@code FlowRuleManager.register2Property(source.getProperty())}).
 *
 * <p>Why not Sentinel's {@code sentinel-datasource-zookeeper} / {@code sentinel-datasource-nacos}:
 * each is a second client and a second watch loop per place, and each would leave the services
 * naming ZooKeeper or Nacos. Over {@link RuleSource}, Sentinel rules get what every other run-time
 * rule gets — one subscription per key on whichever center the registry address picked, the
 * validation with one log line on refusal, the last good rules kept (Sentinel's own sources
 * silently drop an invalid rule and apply the rest), and the accepted/refused counters.
 *
 * @param <R> the Sentinel rule type ({@code FlowRule}, {@code DegradeRule}, {@code ParamFlowRule})
 */
public final class SentinelRuleDataSource<R> implements ReadableDataSource<String, List<R>> {

    private final RuleSource<R> source;
    private final DynamicSentinelProperty<List<R>> property = new DynamicSentinelProperty<>();

    public SentinelRuleDataSource(RuleSource<R> source) {
        this.source = source;
        source.onChange(property::updateValue);
    }

    @Override
    public List<R> loadConfig() {
        return source.current();
    }

    /** The document as it stands in the config center (validated or not). */
    @Override
    public String readSource() {
        return source.center().read(source.key()).orElse(null);
    }

    @Override
    public SentinelProperty<List<R>> getProperty() {
        return property;
    }

    @Override
    public void close() {
        source.close();
    }
}
