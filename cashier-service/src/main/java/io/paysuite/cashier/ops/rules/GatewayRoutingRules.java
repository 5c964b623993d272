package io.paysuite.cashier.ops.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.kit.config.RuleFormat;
import io.paysuite.kit.config.RuleSource;
import io.paysuite.kit.config.RuleSources;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * channel-gateway's routing rules as channel-gateway judges them, so that the ops API shows the rules in force rather
 * than whatever is stored: the kit's {@link RuleSource} on the same key, with the same reading (snake_case, unknown
 * fields ignored, the same field types) and the same checks as the gateway's {@code RoutingRule} and
 * {@code RoutingRuleCheck} — which channel serves which method included — so a document the gateway refuses is refused
 * here too and the last good one stays the one shown. The console's own, stricter check before a save is
 * {@link RoutingRuleDocument#problems()}. The two must change together (channel-gateway's {@code RoutingRuleCheck}).
 */
@Component
public class GatewayRoutingRules implements SmartLifecycle {

    /** The channels' methods, as channel-gateway's {@code RoutingRules.DEFAULTS} open them. */
    static final Map<ChannelCode, Set<PayMethod>> SERVED = Map.of(
            ChannelCode.ALIPAY, Set.of(PayMethod.ALIPAY_QR, PayMethod.ALIPAY_CODE),
            ChannelCode.WECHAT, Set.of(PayMethod.WECHAT_QR, PayMethod.WECHAT_CODE),
            ChannelCode.UNIONPAY, Set.of(PayMethod.BANK_CARD),
            ChannelCode.UNIONPAY_B, Set.of(PayMethod.BANK_CARD));

    /** One rule with the field types channel-gateway reads it into, so the same documents fail to read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rule(ChannelCode channel, PayMethod method, Boolean enabled, List<String> currencies, Long minMinor,
                Long maxMinor, List<String> merchantsAllow, List<String> merchantsDeny, String windowFrom,
                String windowTo, Integer feeBps, Long feeFixedMinor, Integer grayPercent) {
    }

    static final RuleFormat<Rule> FORMAT = RuleFormat.listOf(Rule.class, new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false), GatewayRoutingRules::problemWith);

    private final RulesProperties properties;
    private final RuleSources sources;
    private volatile RuleSource<Rule> source;

    public GatewayRoutingRules(RulesProperties properties, RuleSources sources) {
        this.properties = properties;
        this.sources = sources;
    }

    /** The document in force and the refused one after it; the defaults before start. */
    public RuleSource.State state() {
        RuleSource<Rule> opened = source;
        return opened == null ? new RuleSource.State(null, null) : opened.state();
    }

    static String problemWith(Rule rule) {
        if (rule.channel() == null || rule.method() == null) {
            return "has no channel or no method";
        }
        if (!SERVED.getOrDefault(rule.channel(), Set.of()).contains(rule.method())) {
            return "routes " + rule.method() + " to " + rule.channel() + ", which does not serve it";
        }
        if (rule.grayPercent() != null && (rule.grayPercent() < 0 || rule.grayPercent() > 100)) {
            return "has gray_percent " + rule.grayPercent() + ", not 0..100";
        }
        if (negative(rule.feeBps()) || negative(rule.feeFixedMinor()) || negative(rule.minMinor()) || negative(rule.maxMinor())) {
            return "has a negative fee or amount";
        }
        if (rule.minMinor() != null && rule.maxMinor() != null && rule.minMinor() > rule.maxMinor()) {
            return "has min_minor " + rule.minMinor() + " above max_minor " + rule.maxMinor();
        }
        if ((rule.windowFrom() == null) != (rule.windowTo() == null)) {
            return "has only one end of its window";
        }
        if (rule.windowFrom() != null && (!time(rule.windowFrom()) || !time(rule.windowTo()))) {
            return "has a window end that is not HH:mm";
        }
        List<String> currencies = rule.currencies() == null ? List.of() : rule.currencies();
        if (currencies.stream().anyMatch(code -> code == null || !code.matches("[A-Z]{3}"))) {
            return "has a currency that is not an ISO 4217 code";
        }
        return null;
    }

    private static boolean negative(Number value) {
        return value != null && value.longValue() < 0;
    }

    private static boolean time(String text) {
        try {
            LocalTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public void start() {
        // the defaults stand for "no document": the view shows the stored text, never these rules
        source = sources.open(properties.routingKey(), FORMAT, List::of);
    }

    @Override
    public void stop() {
        RuleSource<Rule> opened = source;
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
