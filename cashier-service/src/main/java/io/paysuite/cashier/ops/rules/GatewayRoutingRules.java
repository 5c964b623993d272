package io.paysuite.cashier.ops.rules;

import io.paysuite.kit.config.RuleSource;
import io.paysuite.kit.config.RuleSources;
import io.paysuite.kit.routing.RoutingRule;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * channel-gateway's routing rules as channel-gateway judges them, so that the ops API shows the rules in force rather
 * than whatever is stored: the kit's {@link RuleSource} on the same key with the gateway's own reading and check
 * ({@link RoutingRule#FORMAT}), so a document the gateway refuses is refused here too and the last good one stays the
 * one shown. The console's own, stricter check before a save is {@link RoutingRuleDocument#problems()}.
 */
@Component
public class GatewayRoutingRules implements SmartLifecycle {

    private final RulesProperties properties;
    private final RuleSources sources;
    private volatile RuleSource<RoutingRule> source;

    public GatewayRoutingRules(RulesProperties properties, RuleSources sources) {
        this.properties = properties;
        this.sources = sources;
    }

    /** The document in force and the refused one after it; the defaults before start. */
    public RuleSource.State state() {
        RuleSource<RoutingRule> opened = source;
        return opened == null ? new RuleSource.State(null, null) : opened.state();
    }

    @Override
    public void start() {
        // the defaults stand for "no document": the view shows the stored text, never these rules
        source = sources.open(properties.routingKey(), RoutingRule.FORMAT, List::of);
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
