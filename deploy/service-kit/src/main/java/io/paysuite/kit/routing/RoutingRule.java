package io.paysuite.kit.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.kit.config.RuleFormat;
import java.util.List;

/**
 * When a channel may take a method's payments, and what it costs. The config center holds a JSON
 * array of these (snake_case), e.g.
 * <pre>[{"channel":"ALIPAY","method":"ALIPAY_QR","enabled":true,"currencies":["CNY"],"min_minor":1,
 *   "max_minor":5000000,"merchants_deny":["M100000009"],"window_from":"00:00","window_to":"23:59",
 *   "fee_bps":38,"fee_fixed_minor":0,"gray_percent":100}]</pre>
 * Absent fields mean "no restriction" (gray 100 %, no fee). {@code window_from}/{@code window_to}
 * are Beijing time; a window that ends before it starts spans midnight.
 *
 * <p>It lives in the kit because channel-gateway, which routes by it, and the ops console, which must
 * refuse and keep exactly what the gateway does, both read it; common-api is no place for it, as it is
 * read with Jackson and checked through the kit's {@link RuleFormat}, and it is a config-center
 * document rather than part of the contract callers compile against.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoutingRule(ChannelCode channel, PayMethod method, Boolean enabled, List<String> currencies, Long minMinor,
                          Long maxMinor, List<String> merchantsAllow, List<String> merchantsDeny, String windowFrom,
                          String windowTo, Integer feeBps, Long feeFixedMinor, Integer grayPercent) {

    /**
     * One open rule per method a channel's adapters serve: what the gateway applies with no document,
     * and all a rule may route ({@link RoutingRuleCheck}).
     */
    public static final List<RoutingRule> DEFAULTS = List.of(
            open(ChannelCode.ALIPAY, PayMethod.ALIPAY_QR), open(ChannelCode.ALIPAY, PayMethod.ALIPAY_CODE),
            open(ChannelCode.WECHAT, PayMethod.WECHAT_QR), open(ChannelCode.WECHAT, PayMethod.WECHAT_CODE),
            open(ChannelCode.UNIONPAY, PayMethod.BANK_CARD), open(ChannelCode.UNIONPAY_B, PayMethod.BANK_CARD));

    /** The document as the config center holds it: snake_case, unknown fields ignored, each rule checked. */
    public static final RuleFormat<RoutingRule> FORMAT = RuleFormat.listOf(RoutingRule.class, new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false), new RoutingRuleCheck());

    public static RoutingRule open(ChannelCode channel, PayMethod method) {
        return new RoutingRule(channel, method, true, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether {@code channel} serves {@code method} at all (one of {@link #DEFAULTS}). */
    public static boolean serves(ChannelCode channel, PayMethod method) {
        return DEFAULTS.stream().anyMatch(open -> open.channel() == channel && open.method() == method);
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public int gray() {
        return grayPercent == null ? 100 : Math.max(0, Math.min(100, grayPercent));
    }

    /** The channel's fee for this amount, in fen (basis points rounded up, plus the fixed part). */
    public long feeMinor(long amountMinor) {
        long bps = feeBps == null ? 0 : feeBps;
        return Math.floorDiv(Math.multiplyExact(amountMinor, bps) + 9_999, 10_000) + (feeFixedMinor == null ? 0 : feeFixedMinor);
    }
}
