package io.paysuite.channel.routing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.kit.config.RuleFormat;
import io.paysuite.kit.config.RuleSource;
import io.paysuite.kit.config.RuleSources;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The routing rules in force, from the config center (key {@code paysuite.channel.routing.rules-key},
 * default {@code channel-gateway/routing-rules}), changed without a restart. The kit's
 * {@link RuleSource} watches the key and validates each document ({@link RoutingRuleCheck}): no
 * document means every configured channel takes its methods without limits; a document that does
 * not read or breaks a rule is refused and the rules in force stay (a typo must not switch every
 * channel on or off).
 */
@Component
public class RoutingRules implements SmartLifecycle {

    static final RuleFormat<RoutingRule> FORMAT = RuleFormat.listOf(RoutingRule.class, new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false), new RoutingRuleCheck());
    /** With no rules: each channel may take the methods its adapters serve. */
    static final List<RoutingRule> DEFAULTS = List.of(
            RoutingRule.open(ChannelCode.ALIPAY, PayMethod.ALIPAY_QR), RoutingRule.open(ChannelCode.ALIPAY, PayMethod.ALIPAY_CODE),
            RoutingRule.open(ChannelCode.WECHAT, PayMethod.WECHAT_QR), RoutingRule.open(ChannelCode.WECHAT, PayMethod.WECHAT_CODE),
            RoutingRule.open(ChannelCode.UNIONPAY, PayMethod.BANK_CARD), RoutingRule.open(ChannelCode.UNIONPAY_B, PayMethod.BANK_CARD));

    private final RoutingProperties properties;
    private final RuleSources sources;
    private volatile List<RoutingRule> rules = DEFAULTS;
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
        RuleSource<RoutingRule> opened = sources.open(properties.rulesKey(), FORMAT, () -> DEFAULTS);
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
