package io.paysuite.cashier.api.limit;

import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRuleUtil;
import io.paysuite.kit.config.RuleFormat;
import io.paysuite.kit.config.RuleSource;
import io.paysuite.kit.config.RuleSources;
import io.paysuite.kit.config.SentinelRuleDataSource;
import io.paysuite.kit.config.SentinelRuleFormats;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads the merchant flow rules from the config center and keeps them current: the kit's
 * {@link SentinelRuleDataSource} watches the key {@code paysuite.cashier.limits.rules-key}, whose
 * content is a JSON array of Sentinel {@code ParamFlowRule}s, e.g.
 * <pre>[{"resource":"open-api","paramIdx":0,"count":200,"grade":1,
 *   "paramFlowItemList":[{"object":"M100000001","classType":"java.lang.String","count":5}]}]</pre>
 * When the document is absent or empty, every merchant gets {@code paysuite.cashier.limits.default-qps}.
 * A document that does not read, or holds a rule on another resource or one Sentinel deems invalid,
 * is refused and the rules in force stay (a typo must not lift every limit).
 */
@Component
public class MerchantFlowRules implements SmartLifecycle {

    static final RuleFormat<ParamFlowRule> FORMAT = RuleFormat.listOf(ParamFlowRule.class, SentinelRuleFormats.JSON,
            rule -> !MerchantRateLimiter.RESOURCE.equals(rule.getResource())
                    ? "is on resource " + rule.getResource() + ", not " + MerchantRateLimiter.RESOURCE
                    : ParamFlowRuleUtil.isValidRule(rule) ? null
                    : "is not a valid Sentinel parameter flow rule (paramIdx, count >= 0, grade 0|1, durationInSec > 0)");

    private final RateLimitProperties properties;
    private final RuleSources sources;
    private volatile SentinelRuleDataSource<ParamFlowRule> source;
    private volatile RuleSource<ParamFlowRule> rules;

    public MerchantFlowRules(RateLimitProperties properties, RuleSources sources) {
        this.properties = properties;
        this.sources = sources;
    }

    /** Refuses (IllegalArgumentException naming the problem) a document this class would refuse when it arrives. */
    public static void check(String document) {
        FORMAT.read(document);
    }

    List<ParamFlowRule> defaults() {
        ParamFlowRule rule = new ParamFlowRule(MerchantRateLimiter.RESOURCE).setParamIdx(0).setCount(properties.defaultQps());
        return List.of(rule);
    }

    /** The document in force ({@code null}: the defaults) and the refused one after it, for the ops API. */
    public RuleSource.State state() {
        RuleSource<ParamFlowRule> opened = rules;
        return opened == null ? new RuleSource.State(null, null) : opened.state();
    }

    @Override
    public void start() {
        rules = sources.open(properties.rulesKey(), FORMAT, this::defaults);
        SentinelRuleDataSource<ParamFlowRule> opened = new SentinelRuleDataSource<>(rules);
        ParamFlowRuleManager.register2Property(opened.getProperty());
        source = opened;
    }

    @Override
    public void stop() {
        SentinelRuleDataSource<ParamFlowRule> opened = source;
        if (opened != null) {
            opened.close();
        }
        source = null;
        rules = null;
    }

    @Override
    public boolean isRunning() {
        return source != null;
    }
}
