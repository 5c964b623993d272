package io.paysuite.channel.routing;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.isolation.BreakerBoard;
import io.paysuite.kit.routing.RoutingRule;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.springframework.stereotype.Component;

/**
 * Picks the channels that may take a payment, best first.
 * <ol>
 *   <li>candidates: a configured channel for the method whose rule is on, takes the currency, the
 *       amount within its limits, the merchant (allow list, deny list), at this time of day, whose
 *       gray-release share covers the payer's stable bucket, and whose breaker is closed;</li>
 *   <li>ranked by expected cost: the channel's fee plus a penalty for its live failure rate
 *       ({@code penalty × (1 − success rate)} over the last five minutes), ties by channel name.</li>
 * </ol>
 * The bucket is CRC32 of {@code bucketKey + channel} mod 100, so a payer stays in or out of a gray
 * release as its percentage grows, independently per channel.
 */
@Component
public class ChannelRouter {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final RoutingRules rules;
    private final BreakerBoard breakers;
    private final ChannelStats stats;

    public ChannelRouter(RoutingRules rules, BreakerBoard breakers, ChannelStats stats) {
        this.rules = rules;
        this.breakers = breakers;
        this.stats = stats;
    }

    /** The channels (among {@code configured}) that may take the payment, best first; empty when none may. */
    public List<ChannelCode> candidates(RoutingRequest request, Set<ChannelCode> configured) {
        List<RoutingRule> eligible = rules.of(request.method()).stream()
                .filter(rule -> configured.contains(rule.channel()))
                .filter(rule -> admits(rule, request))
                .filter(rule -> !breakers.open(rule.channel()))
                .toList();
        long penalty = rules.failurePenaltyMinor();
        return eligible.stream()
                .sorted(Comparator.<RoutingRule>comparingDouble(rule -> rule.feeMinor(request.amountMinor())
                                + penalty * (1.0 - stats.successRate(rule.channel())))
                        .thenComparing(rule -> rule.channel().name()))
                .map(RoutingRule::channel)
                .distinct()
                .toList();
    }

    static boolean admits(RoutingRule rule, RoutingRequest request) {
        if (!rule.isEnabled()) {
            return false;
        }
        if (rule.currencies() != null && !rule.currencies().isEmpty() && !rule.currencies().contains(request.currency())) {
            return false;
        }
        if (rule.minMinor() != null && request.amountMinor() < rule.minMinor()) {
            return false;
        }
        if (rule.maxMinor() != null && request.amountMinor() > rule.maxMinor()) {
            return false;
        }
        if (rule.merchantsAllow() != null && !rule.merchantsAllow().isEmpty() && !rule.merchantsAllow().contains(request.merchantId())) {
            return false;
        }
        if (rule.merchantsDeny() != null && rule.merchantsDeny().contains(request.merchantId())) {
            return false;
        }
        if (!inWindow(rule, LocalTime.ofInstant(request.at(), BEIJING))) {
            return false;
        }
        return bucket(request.bucketKey(), rule.channel()) < rule.gray();
    }

    static boolean inWindow(RoutingRule rule, LocalTime now) {
        if (rule.windowFrom() == null || rule.windowTo() == null) {
            return true;
        }
        LocalTime from = LocalTime.parse(rule.windowFrom());
        LocalTime to = LocalTime.parse(rule.windowTo());
        return from.isAfter(to) ? !now.isBefore(from) || !now.isAfter(to) : !now.isBefore(from) && !now.isAfter(to);
    }

    static int bucket(String key, ChannelCode channel) {
        CRC32 crc = new CRC32();
        crc.update((String.valueOf(key) + "|" + channel.name()).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }
}
