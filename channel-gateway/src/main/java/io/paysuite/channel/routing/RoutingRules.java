package io.paysuite.channel.routing;

import com.alibaba.csp.sentinel.datasource.ReadableDataSource;
import com.alibaba.csp.sentinel.datasource.zookeeper.ZookeeperDataSource;
import com.alibaba.csp.sentinel.property.PropertyListener;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.isolation.IsolationProperties;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The routing rules in force, from the config center ({@code paysuite.channel.routing-rules-path},
 * default {@code /paysuite/config/channel-gateway/routing-rules}), changed without a restart. The
 * node is watched with the same ZooKeeper data source that carries the Sentinel rules (a generic
 * "watch a node, parse it, push it" from Sentinel's datasource module — one watcher library, not two).
 * Absent or empty node: every configured channel takes its method without limits. A node that
 * does not parse keeps the rules in force (a typo must not switch every channel on or off).
 */
@Component
public class RoutingRules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RoutingRules.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** With no rules: each channel may take the methods its adapters serve. */
    static final List<RoutingRule> DEFAULTS = List.of(
            RoutingRule.open(ChannelCode.ALIPAY, PayMethod.ALIPAY_QR), RoutingRule.open(ChannelCode.ALIPAY, PayMethod.ALIPAY_CODE),
            RoutingRule.open(ChannelCode.WECHAT, PayMethod.WECHAT_QR), RoutingRule.open(ChannelCode.WECHAT, PayMethod.WECHAT_CODE),
            RoutingRule.open(ChannelCode.UNIONPAY, PayMethod.BANK_CARD), RoutingRule.open(ChannelCode.UNIONPAY_B, PayMethod.BANK_CARD));

    private final IsolationProperties isolation;
    private final RoutingProperties properties;
    private volatile List<RoutingRule> rules = DEFAULTS;
    private ReadableDataSource<String, List<RoutingRule>> source;
    private volatile boolean running;

    public RoutingRules(IsolationProperties isolation, RoutingProperties properties) {
        this.isolation = isolation;
        this.properties = properties;
    }

    public List<RoutingRule> of(PayMethod method) {
        return rules.stream().filter(rule -> rule.method() == method).toList();
    }

    public long failurePenaltyMinor() {
        return properties.failurePenaltyMinor();
    }

    List<RoutingRule> parse(String json) {
        if (json == null || json.isBlank()) {
            return DEFAULTS;
        }
        try {
            List<RoutingRule> parsed = JSON.readValue(json, new TypeReference<List<RoutingRule>>() { });
            List<RoutingRule> valid = new ArrayList<>();
            for (RoutingRule rule : parsed) {
                if (rule.channel() == null || rule.method() == null) {
                    throw new IllegalArgumentException("a rule without channel or method: " + rule);
                }
                valid.add(rule);
            }
            return List.copyOf(valid);
        } catch (Exception e) {
            log.error("ALARM: routing rules at {} do not parse; keeping the rules in force: {}", properties.rulesPath(), e.toString());
            return rules;
        }
    }

    /** For tests and the local run without a config center. */
    void replace(List<RoutingRule> next) {
        rules = List.copyOf(next);
    }

    @Override
    public void start() {
        String zookeeper = isolation.zookeeper();
        if (zookeeper != null && !zookeeper.isBlank()) {
            source = new ZookeeperDataSource<>(zookeeper, properties.rulesPath(), this::parse);
            PropertyListener<List<RoutingRule>> listener = new PropertyListener<>() {
                @Override
                public void configUpdate(List<RoutingRule> value) {
                    rules = value == null ? DEFAULTS : value;
                    log.info("routing rules now: {}", rules);
                }

                @Override
                public void configLoad(List<RoutingRule> value) {
                    configUpdate(value);
                }
            };
            source.getProperty().addListener(listener);
        }
        running = true;
    }

    @Override
    public void stop() {
        try {
            if (source != null) {
                source.close();
            }
        } catch (Exception e) {
            log.debug("closing the routing rule source: {}", e.toString());
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
