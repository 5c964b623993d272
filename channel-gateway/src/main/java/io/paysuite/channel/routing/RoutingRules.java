package io.paysuite.channel.routing;

import io.paysuite.api.pay.PayMethod;
import io.paysuite.kit.config.RuleSource;
import io.paysuite.kit.config.RuleSources;
import io.paysuite.kit.routing.RoutingRule;
import io.paysuite.kit.routing.RoutingRuleCheck;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The routing rules in force, from the config center (key {@code paysuite.channel.routing.rules-key},
 * default {@code channel-gateway/routing-rules}), changed without a restart. The kit's
 * {@link RuleSource} watches the key and validates each document ({@link RoutingRuleCheck}, shared
 * with the ops console so that both refuse the same documents): no document means every configured
 * channel takes its methods without limits ({@link RoutingRule#DEFAULTS}); a document that does
 * not read or breaks a rule is refused and the rules in force stay (a typo must not switch every
 * channel on or off).
 */
@Component
public class RoutingRules implements SmartLifecycle {

    private final RoutingProperties properties;
    private final RuleSources sources;
    private volatile List<RoutingRule> rules = RoutingRule.DEFAULTS;
    private volatile RuleSource<RoutingRule> source;

    public RoutingRules(RoutingProperties properties, RuleSources sources) {
        this.properties = properties;
        this.sources = sources;
    }

    public List<RoutingRule> of(PayMethod method) {
        return rules.stream().filter(rule -> rule.method() == method).toList();
    }

    public long failurePenaltyMinor() {
        return properties.failurePenaltyMinor();
    }

    /** For tests: rules as if the config center had just delivered them. */
    void replace(List<RoutingRule> next) {
        rules = List.copyOf(next);
    }

    @Override
    public void start() {
        RuleSource<RoutingRule> opened = sources.open(properties.rulesKey(), RoutingRule.FORMAT, () -> RoutingRule.DEFAULTS);
        opened.onChange(next -> rules = next);
        source = opened;
    }

    @Override
    public void stop() {
        RuleSource<RoutingRule> opened = source;
        if (opened != null) {
            opened.close();
        }
        source = null;
    }

    @Override
    public boolean isRunning() {
        return source != null;
    }
}
