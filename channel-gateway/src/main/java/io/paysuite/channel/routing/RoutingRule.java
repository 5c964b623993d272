package io.paysuite.channel.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import java.util.List;

/**
 * When a channel may take a method's payments, and what it costs. The config center holds a JSON
 * array of these (snake_case), e.g.
 * <pre>[{"channel":"ALIPAY","method":"ALIPAY_QR","enabled":true,"currencies":["CNY"],"min_minor":1,
 *   "max_minor":5000000,"merchants_deny":["M100000009"],"window_from":"00:00","window_to":"23:59",
 *   "fee_bps":38,"fee_fixed_minor":0,"gray_percent":100}]</pre>
 * Absent fields mean "no restriction" (gray 100 %, no fee). {@code window_from}/{@code window_to}
 * are Beijing time; a window that ends before it starts spans midnight.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoutingRule(ChannelCode channel, PayMethod method, Boolean enabled, List<String> currencies, Long minMinor,
                          Long maxMinor, List<String> merchantsAllow, List<String> merchantsDeny, String windowFrom,
                          String windowTo, Integer feeBps, Long feeFixedMinor, Integer grayPercent) {

    public static RoutingRule open(ChannelCode channel, PayMethod method) {
        return new RoutingRule(channel, method, true, null, null, null, null, null, null, null, null, null, null);
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
