package io.paysuite.kit.config;

import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleUtil;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sentinel's flow and degrade rule documents: the JSON Sentinel's dashboard and its own data
 * sources use (camelCase fields of {@code FlowRule}/{@code DegradeRule}; fields we do not know, such
 * as the dashboard's {@code id} or {@code app}, are ignored), each rule checked with Sentinel's own
 * validity test ({@code FlowRuleUtil.isValidRule}, {@code DegradeRuleManager.isValidRule}) — where
 * Sentinel would silently drop a bad rule and apply the rest, we refuse the document.
 */
public final class SentinelRuleFormats {

    /** Lenient about unknown fields, as Sentinel's own parsers are. */
    public static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static final RuleFormat<FlowRule> FLOW = RuleFormat.listOf(FlowRule.class, JSON,
            rule -> FlowRuleUtil.isValidRule(rule) ? null
                    : "on " + rule.getResource() + " is not a valid Sentinel flow rule (resource, count >= 0, grade 0|1, strategy, behaviour)");

    public static final RuleFormat<DegradeRule> DEGRADE = RuleFormat.listOf(DegradeRule.class, JSON,
            rule -> DegradeRuleManager.isValidRule(rule) ? null
                    : "on " + rule.getResource() + " is not a valid Sentinel degrade rule (resource, grade 0..2, count, "
                            + "timeWindow > 0, minRequestAmount > 0, statIntervalMs > 0, ratios within 0..1)");

    private SentinelRuleFormats() {
    }
}
