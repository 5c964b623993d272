package io.paysuite.channel.isolation;

import com.alibaba.csp.sentinel.datasource.ReadableDataSource;
import com.alibaba.csp.sentinel.datasource.zookeeper.ZookeeperDataSource;
import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.channel.ChannelCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The channels' Sentinel rules: defaults from {@link IsolationProperties} for every channel, replaced
 * at run time by the config center's JSON (Sentinel's ZooKeeper data source watches the node). An
 * absent or empty node means the defaults; a node that does not parse keeps the rules in force.
 * Per channel: {@code channel:<CODE>} (every call: concurrency cap, breakers) and
 * {@code channel:<CODE>:followup} (background follow-ups: half the cap, see {@link ChannelGuard#followUpResource}) and
 * {@code channel:<CODE>:urgent} (refunds, notification queries, payment-code polling and reversals, probes: a quarter,
 * see {@link ChannelGuard#urgentResource}), so charges always keep a quarter of the cap.
 */
@Component
public class ChannelRules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChannelRules.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final IsolationProperties properties;
    private final List<ReadableDataSource<String, ?>> sources = new ArrayList<>();
    private volatile boolean running;

    public ChannelRules(IsolationProperties properties) {
        this.properties = properties;
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
        }
        return rules;
    }

    List<DegradeRule> defaultDegradeRules() {
        List<DegradeRule> rules = new ArrayList<>();
        int openSeconds = (int) Math.max(1, properties.openFor().toSeconds());
        int statMs = (int) properties.statInterval().toMillis();
        for (ChannelCode channel : ChannelCode.values()) {
            rules.add(new DegradeRule(ChannelGuard.resource(channel)).setGrade(RuleConstant.DEGRADE_GRADE_RT)
                    .setCount(properties.slowCall().toMillis()).setSlowRatioThreshold(properties.slowRatio())
                    .setMinRequestAmount(properties.minRequests()).setStatIntervalMs(statMs).setTimeWindow(openSeconds));
            rules.add(new DegradeRule(ChannelGuard.resource(channel)).setGrade(RuleConstant.DEGRADE_GRADE_EXCEPTION_RATIO)
                    .setCount(properties.errorRatio()).setMinRequestAmount(properties.minRequests()).setStatIntervalMs(statMs)
                    .setTimeWindow(openSeconds));
        }
        return rules;
    }

    private <T> List<T> parse(String json, TypeReference<List<T>> type, Supplier<List<T>> defaults, Supplier<List<T>> inForce,
                              String path) {
        if (json == null || json.isBlank()) {
            return defaults.get();
        }
        try {
            List<T> rules = JSON.readValue(json, type);
            log.info("channel rules from {}: {}", path, rules.size());
            return rules;
        } catch (Exception e) {
            log.error("ALARM: channel rules at {} do not parse; keeping the rules in force: {}", path, e.toString());
            return inForce.get();
        }
    }

    @Override
    public void start() {
        FlowRuleManager.loadRules(defaultFlowRules());
        DegradeRuleManager.loadRules(defaultDegradeRules());
        String zookeeper = properties.zookeeper();
        if (zookeeper != null && !zookeeper.isBlank()) {
            ReadableDataSource<String, List<FlowRule>> flow = new ZookeeperDataSource<>(zookeeper, properties.flowRulesPath(),
                    json -> parse(json, new TypeReference<List<FlowRule>>() { }, this::defaultFlowRules, FlowRuleManager::getRules,
                            properties.flowRulesPath()));
            FlowRuleManager.register2Property(flow.getProperty());
            ReadableDataSource<String, List<DegradeRule>> degrade = new ZookeeperDataSource<>(zookeeper,
                    properties.degradeRulesPath(), json -> parse(json, new TypeReference<List<DegradeRule>>() { },
                    this::defaultDegradeRules, DegradeRuleManager::getRules, properties.degradeRulesPath()));
            DegradeRuleManager.register2Property(degrade.getProperty());
            sources.add(flow);
            sources.add(degrade);
        }
        running = true;
    }

    @Override
    public void stop() {
        for (ReadableDataSource<String, ?> source : sources) {
            try {
                source.close();
            } catch (Exception e) {
                log.debug("closing a rule source: {}", e.toString());
            }
        }
        sources.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
