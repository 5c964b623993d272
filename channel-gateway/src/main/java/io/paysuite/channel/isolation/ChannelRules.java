package io.paysuite.channel.isolation;

import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.kit.config.RuleSources;
import io.paysuite.kit.config.SentinelRuleDataSource;
import io.paysuite.kit.config.SentinelRuleFormats;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The channels' Sentinel rules: defaults from {@link IsolationProperties} for every channel, replaced
 * at run time by the config center's JSON under {@code flow-rules-key}/{@code degrade-rules-key}
 * (the kit's {@link SentinelRuleDataSource}: validated, a bad document refused and the rules in
 * force kept). An absent or empty document means the defaults.
 * Per channel: {@code channel:<CODE>} (every call: concurrency cap, breakers) and
 * {@code channel:<CODE>:followup} (background follow-ups: half the cap, see {@link ChannelGuard#followUpResource}) and
 * {@code channel:<CODE>:urgent} (refunds, notification queries, payment-code polling and reversals, probes: a quarter,
 * see {@link ChannelGuard#urgentResource}), so charges always keep a quarter of the cap.
 * Per payout channel (named as the charge channel it belongs to): {@code payout:<CODE>} with the same cap and breakers,
 * its own ({@link ChannelGuard#payoutResource}), so a payout outage never opens a charge breaker.
 */
@Component
public class ChannelRules implements SmartLifecycle {

    private final IsolationProperties properties;
    private final RuleSources sources;
    private final List<SentinelRuleDataSource<?>> opened = new ArrayList<>();
    private volatile boolean running;

    public ChannelRules(IsolationProperties properties, RuleSources sources) {
        this.properties = properties;
        this.sources = sources;
    }

    List<FlowRule> defaultFlowRules() {
        List<FlowRule> rules = new ArrayList<>();
        for (ChannelCode channel : ChannelCode.values()) {
            rules.add(new FlowRule(ChannelGuard.resource(channel)).setGrade(RuleConstant.FLOW_GRADE_THREAD)
                    .setCount(properties.maxConcurrent()));
            rules.add(new FlowRule(ChannelGuard.followUpResource(channel)).setGrade(RuleConstant.FLOW_GRADE_THREAD)
                    .setCount(Math.max(1, properties.maxConcurrent() / 2)));
            rules.add(new FlowRule(ChannelGuard.urgentResource(channel)).setGrade(RuleConstant.FLOW_GRADE_THREAD)
                    .setCount(Math.max(1, properties.maxConcurrent() / 4)));
            rules.add(new FlowRule(ChannelGuard.payoutResource(channel.name())).setGrade(RuleConstant.FLOW_GRADE_THREAD)
                    .setCount(properties.maxConcurrent()));
        }
        return rules;
    }

    List<DegradeRule> defaultDegradeRules() {
        List<DegradeRule> rules = new ArrayList<>();
        int openSeconds = (int) Math.max(1, properties.openFor().toSeconds());
        int statMs = (int) properties.statInterval().toMillis();
        for (ChannelCode channel : ChannelCode.values()) {
            for (String resource : List.of(ChannelGuard.resource(channel), ChannelGuard.payoutResource(channel.name()))) {
                rules.add(new DegradeRule(resource).setGrade(RuleConstant.DEGRADE_GRADE_RT)
                        .setCount(properties.slowCall().toMillis()).setSlowRatioThreshold(properties.slowRatio())
                        .setMinRequestAmount(properties.minRequests()).setStatIntervalMs(statMs).setTimeWindow(openSeconds));
                rules.add(new DegradeRule(resource).setGrade(RuleConstant.DEGRADE_GRADE_EXCEPTION_RATIO)
                        .setCount(properties.errorRatio()).setMinRequestAmount(properties.minRequests()).setStatIntervalMs(statMs)
                        .setTimeWindow(openSeconds));
            }
        }
        return rules;
    }

    @Override
    public void start() {
        SentinelRuleDataSource<FlowRule> flow = new SentinelRuleDataSource<>(
                sources.open(properties.flowRulesKey(), SentinelRuleFormats.FLOW, this::defaultFlowRules));
        FlowRuleManager.register2Property(flow.getProperty());
        SentinelRuleDataSource<DegradeRule> degrade = new SentinelRuleDataSource<>(
                sources.open(properties.degradeRulesKey(), SentinelRuleFormats.DEGRADE, this::defaultDegradeRules));
        DegradeRuleManager.register2Property(degrade.getProperty());
        opened.add(flow);
        opened.add(degrade);
        running = true;
    }

    @Override
    public void stop() {
        opened.forEach(SentinelRuleDataSource::close);
        opened.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
