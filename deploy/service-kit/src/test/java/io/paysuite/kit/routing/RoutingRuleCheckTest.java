package io.paysuite.kit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingRuleCheckTest {

    static final String GOOD = "{\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\"}";

    @Test
    void aDocumentOfWellFormedRulesIsReadWithItsSnakeCaseFields() {
        var rules = RoutingRule.FORMAT.read("[{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"enabled\":true,\"currencies\":[\"CNY\"],"
                + "\"min_minor\":1,\"max_minor\":5000000,\"merchants_deny\":[\"M100000009\"],\"window_from\":\"22:00\","
                + "\"window_to\":\"06:00\",\"fee_bps\":38,\"fee_fixed_minor\":0,\"gray_percent\":30,\"note\":\"ignored\"}]");

        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.channel()).isEqualTo(ChannelCode.ALIPAY);
            assertThat(rule.method()).isEqualTo(PayMethod.ALIPAY_QR);
            assertThat(rule.gray()).isEqualTo(30);
            assertThat(rule.merchantsDeny()).containsExactly("M100000009");
            assertThat(rule.windowFrom()).isEqualTo("22:00");
            assertThat(rule.feeMinor(10_000)).isEqualTo(38);
        });
    }

    @Test
    void everyMethodAChannelServesPassesAndNothingElseIsServed() {
        RoutingRuleCheck check = new RoutingRuleCheck();
        assertThat(RoutingRule.DEFAULTS).allSatisfy(open -> assertThat(check.problemWith(open)).isNull());
        assertThat(RoutingRule.serves(ChannelCode.UNIONPAY_B, PayMethod.BANK_CARD)).isTrue();
        assertThat(RoutingRule.serves(ChannelCode.ALIPAY, PayMethod.BANK_CARD)).isFalse();
        assertThat(RoutingRule.serves(ChannelCode.WECHAT, PayMethod.BALANCE)).isFalse();
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of("{\"channel\":\"ALIPAY\"}", "has no channel or no method"),
                Arguments.of("{\"method\":\"ALIPAY_QR\"}", "has no channel or no method"),
                Arguments.of("{\"channel\":\"ALIPAY\",\"method\":\"BANK_CARD\"}", "routes BANK_CARD to ALIPAY, which does not serve it"),
                Arguments.of("{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"gray_percent\":101}", "has gray_percent 101, not 0..100"),
                Arguments.of("{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"gray_percent\":-1}", "has gray_percent -1, not 0..100"),
                Arguments.of("{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"fee_bps\":-1}", "has a negative fee or amount"),
                Arguments.of("{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"fee_fixed_minor\":-1}", "has a negative fee or amount"),
                Arguments.of("{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"min_minor\":500,\"max_minor\":100}",
                        "has min_minor 500 above max_minor 100"),
                Arguments.of("{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"window_from\":\"22:00\"}", "has only one end of its window"),
                Arguments.of("{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"window_from\":\"22h\",\"window_to\":\"06:00\"}",
                        "has a window end that is not HH:mm"),
                Arguments.of("{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"window_from\":\"25:00\",\"window_to\":\"26:00\"}",
                        "has a window end that is not HH:mm"),
                Arguments.of("{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"currencies\":[\"rmb\"]}",
                        "has a currency that is not an ISO 4217 code"));
    }

    @ParameterizedTest
    @MethodSource("brokenRules")
    void aRuleThatBreaksTheSchemaRefusesTheWholeDocumentNamingTheRuleAndItsProblem(String badRule, String problem) {
        assertThatThrownBy(() -> RoutingRule.FORMAT.read("[" + GOOD + "," + badRule + "]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule #1 " + problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[" + GOOD + ",{\"channel\":\"ALIPAYY\",\"method\":\"ALIPAY_QR\"}]",
            "[" + GOOD + ",{\"channel\":\"PAYPAL\",\"method\":\"ALIPAY_QR\"}]",
            "[" + GOOD + ",{\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\",\"gray_percent\":\"half\"}]",
            GOOD,
            "[" + GOOD,
    })
    void aDocumentThatDoesNotReadAsRulesIsRefused(String document) {
        assertThatThrownBy(() -> RoutingRule.FORMAT.read(document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a JSON array of RoutingRule: ");
    }
}
