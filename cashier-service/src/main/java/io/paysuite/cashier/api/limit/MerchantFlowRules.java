package io.paysuite.cashier.api.limit;

import com.alibaba.csp.sentinel.datasource.ReadableDataSource;
import com.alibaba.csp.sentinel.datasource.zookeeper.ZookeeperDataSource;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRuleManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads the merchant flow rules from the config center and keeps them current: Sentinel's own
 * ZooKeeper data source watches {@code paysuite.cashier.limits.rules-path}, whose content is a JSON
 * array of Sentinel {@code ParamFlowRule}s, e.g.
 * <pre>[{"resource":"open-api","paramIdx":0,"count":200,"grade":1,
 *   "paramFlowItemList":[{"object":"M100000001","classType":"java.lang.String","count":5}]}]</pre>
 * When the node is absent or empty, every merchant gets {@code paysuite.cashier.limits.default-qps}.
 * A node that does not parse keeps the rules in force (a typo must not lift every limit).
 */
@Component
public class MerchantFlowRules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MerchantFlowRules.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final RateLimitProperties properties;
    private volatile ReadableDataSource<String, List<ParamFlowRule>> source;

    public MerchantFlowRules(RateLimitProperties properties) {
        this.properties = properties;
    }

    List<ParamFlowRule> parse(String json) {
        if (json == null || json.isBlank()) {
            return defaults();
        }
        try {
            List<ParamFlowRule> rules = JSON.readValue(json, new TypeReference<List<ParamFlowRule>>() { });
            log.info("merchant flow rules from {}: {}", properties.rulesPath(), rules.size());
            return rules;
        } catch (Exception e) {
            log.error("ALARM: merchant flow rules at {} do not parse; keeping the rules in force: {}",
                    properties.rulesPath(), e.toString());
            return ParamFlowRuleManager.getRulesOfResource(MerchantRateLimiter.RESOURCE);
        }
    }

    List<ParamFlowRule> defaults() {
        ParamFlowRule rule = new ParamFlowRule(MerchantRateLimiter.RESOURCE).setParamIdx(0).setCount(properties.defaultQps());
        return List.of(rule);
    }

    @Override
    public void start() {
        ParamFlowRuleManager.loadRules(defaults());
        source = new ZookeeperDataSource<>(properties.zookeeper(), properties.rulesPath(), this::parse);
        ParamFlowRuleManager.register2Property(source.getProperty());
    }

    @Override
    public void stop() {
        try {
            if (source != null) {
                source.close();
            }
        } catch (Exception e) {
            log.debug("closing the rule source: {}", e.toString());
        }
        source = null;
    }

    @Override
    public boolean isRunning() {
        return source != null;
    }
}
