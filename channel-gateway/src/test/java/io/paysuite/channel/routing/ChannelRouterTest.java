package io.paysuite.channel.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.isolation.BreakerBoard;
import io.paysuite.kit.config.LocalConfigCenter;
import io.paysuite.kit.config.RuleSources;
import io.paysuite.kit.routing.RoutingRule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChannelRouterTest {

    final Clock clock = Clock.systemUTC();
    final ChannelStats stats = new ChannelStats(new SimpleMeterRegistry(), clock);
    static final String KEY = "channel-gateway/routing-rules";
    final LocalConfigCenter center = new LocalConfigCenter();
    final RoutingRules rules = new RoutingRules(new RoutingProperties(KEY, 1000), new RuleSources(center));
    final ChannelRouter router = new ChannelRouter(rules, new BreakerBoard(clock), stats);
    /** 12:00 Beijing */
    final Instant noon = Instant.parse("2026-11-29T04:00:00Z");
    final Set<ChannelCode> both = Set.of(ChannelCode.ALIPAY, ChannelCode.WECHAT);

    RoutingRequest request(long amount, String merchant, String payer) {
        return new RoutingRequest(PayMethod.BANK_CARD, "CNY", amount, merchant, payer, noon);
    }

    static RoutingRule rule(ChannelCode channel, String json) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .readValue("{\"channel\":\"" + channel + "\",\"method\":\"BANK_CARD\"" + json + "}", RoutingRule.class);
    }

    @Test
    void withoutRulesEveryConfiguredChannelTakesItsOwnMethod() {
        assertThat(router.candidates(new RoutingRequest(PayMethod.ALIPAY_QR, "CNY", 100, "M1", "U1", noon), both))
                .containsExactly(ChannelCode.ALIPAY);
        assertThat(router.candidates(new RoutingRequest(PayMethod.ALIPAY_QR, "CNY", 100, "M1", "U1", noon), Set.of(ChannelCode.WECHAT)))
                .as("not configured here").isEmpty();
    }

    @Test
    void switchCurrencyLimitsMerchantsAndWindowFilterTheCandidates() throws Exception {
        rules.replace(List.of(rule(ChannelCode.ALIPAY, ",\"enabled\":false"), rule(ChannelCode.WECHAT,
                ",\"currencies\":[\"CNY\"],\"min_minor\":100,\"max_minor\":10000,\"merchants_deny\":[\"M9\"],"
                        + "\"window_from\":\"08:00\",\"window_to\":\"20:00\"")));
        assertThat(router.candidates(request(500, "M1", "U1"), both)).containsExactly(ChannelCode.WECHAT);
        assertThat(router.candidates(request(99, "M1", "U1"), both)).as("below the minimum").isEmpty();
        assertThat(router.candidates(request(10_001, "M1", "U1"), both)).as("above the maximum").isEmpty();
        assertThat(router.candidates(request(500, "M9", "U1"), both)).as("denied merchant").isEmpty();
        assertThat(router.candidates(new RoutingRequest(PayMethod.BANK_CARD, "USD", 500, "M1", "U1", noon), both)).isEmpty();
        assertThat(router.candidates(new RoutingRequest(PayMethod.BANK_CARD, "CNY", 500, "M1", "U1",
                Instant.parse("2026-11-29T14:00:00Z")), both)).as("22:00 Beijing is outside the window").isEmpty();
    }

    @Test
    void aWindowEndingBeforeItStartsSpansMidnight() throws Exception {
        RoutingRule night = rule(ChannelCode.WECHAT, ",\"window_from\":\"22:00\",\"window_to\":\"06:00\"");
        assertThat(ChannelRouter.inWindow(night, java.time.LocalTime.of(23, 30))).isTrue();
        assertThat(ChannelRouter.inWindow(night, java.time.LocalTime.of(5, 59))).isTrue();
        assertThat(ChannelRouter.inWindow(night, java.time.LocalTime.of(12, 0))).isFalse();
    }

    @Test
    void aGrayReleaseTakesAStableShareOfPayersThatGrowsWithItsPercentage() throws Exception {
        rules.replace(List.of(rule(ChannelCode.WECHAT, ",\"gray_percent\":20")));
        List<String> payers = IntStream.range(0, 2000).mapToObj(i -> "U" + i).toList();
        List<String> in20 = payers.stream().filter(p -> !router.candidates(request(500, "M1", p), both).isEmpty()).toList();
        assertThat(in20.size()).isBetween(300, 500);
        assertThat(router.candidates(request(500, "M1", in20.get(0)), both)).as("stable for a payer").isNotEmpty();

        rules.replace(List.of(rule(ChannelCode.WECHAT, ",\"gray_percent\":50")));
        List<String> in50 = payers.stream().filter(p -> !router.candidates(request(500, "M1", p), both).isEmpty()).toList();
        assertThat(in50).as("growing the share keeps everyone already in").containsAll(in20);
    }

    @Test
    void cheaperAndHealthierChannelsRankFirst() throws Exception {
        rules.replace(List.of(rule(ChannelCode.ALIPAY, ",\"fee_bps\":60"), rule(ChannelCode.WECHAT, ",\"fee_bps\":30")));
        assertThat(router.candidates(request(100_000, "M1", "U1"), both)).containsExactly(ChannelCode.WECHAT, ChannelCode.ALIPAY);

        for (int i = 0; i < 10; i++) {
            stats.record(ChannelCode.WECHAT, "charge", ChannelCall.unknown("IO", "timeout"), 1_000_000);
        }
        // WeChat's fee 300 + penalty 1000 × 100 % failure > Alipay's fee 600
        assertThat(router.candidates(request(100_000, "M1", "U1"), both)).containsExactly(ChannelCode.ALIPAY, ChannelCode.WECHAT);
        stats.record(ChannelCode.ALIPAY, "charge", ChannelCall.of(Outcome.PENDING, "10000", ""), 1_000_000);
    }

    @Test
    void aConfigCenterTypoKeepsTheRulesInForce() {
        center.publish(KEY, "[{\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\",\"enabled\":false}]");
        rules.start();
        try {
            assertThat(rules.of(PayMethod.WECHAT_QR)).singleElement().extracting(RoutingRule::isEnabled).isEqualTo(false);
            center.publish(KEY, "[{\"channel\":\"WECHAT\"");
            assertThat(rules.of(PayMethod.WECHAT_QR)).singleElement().extracting(RoutingRule::isEnabled).isEqualTo(false);
            center.publish(KEY, "[{\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\",\"gray_percent\":120}]");
            assertThat(rules.of(PayMethod.WECHAT_QR)).singleElement().extracting(RoutingRule::isEnabled).isEqualTo(false);
            center.remove(KEY);
            assertThat(rules.of(PayMethod.WECHAT_QR)).as("a removed document means the defaults")
                    .singleElement().extracting(RoutingRule::isEnabled).isEqualTo(true);
        } finally {
            rules.stop();
        }
    }
}
