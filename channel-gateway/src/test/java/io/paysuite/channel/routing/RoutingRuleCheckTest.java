package io.paysuite.channel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingRuleCheckTest {

    @Test
    void aDocumentOfWellFormedRulesIsReadWithItsSnakeCaseFields() {
        var rules = RoutingRules.FORMAT.read("[{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"enabled\":true,\"currencies\":[\"CNY\"],"
                + "\"min_minor\":1,\"max_minor\":5000000,\"merchants_deny\":[\"M100000009\"],\"window_from\":\"22:00\","
                + "\"window_to\":\"06:00\",\"fee_bps\":38,\"fee_fixed_minor\":0,\"gray_percent\":30,\"note\":\"ignored\"}]");

        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.channel()).isEqualTo(ChannelCode.ALIPAY);
            assertThat(rule.method()).isEqualTo(PayMethod.ALIPAY_QR);
            assertThat(rule.gray()).isEqualTo(30);
            assertThat(rule.merchantsDeny()).containsExactly("M100000009");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"channel\":\"ALIPAY\"}",
            "{\"channel\":\"ALIPAY\",\"method\":\"BANK_CARD\"}",
            "{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"gray_percent\":101}",
            "{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"fee_bps\":-1}",
            "{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"min_minor\":500,\"max_minor\":100}",
            "{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"window_from\":\"22:00\"}",
            "{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"window_from\":\"22h\",\"window_to\":\"06:00\"}",
            "{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"currencies\":[\"rmb\"]}",
            "{\"channel\":\"ALIPAYY\",\"method\":\"ALIPAY_QR\"}",
    })
    void aRuleThatBreaksTheSchemaRefusesTheWholeDocument(String badRule) {
        String document = "[{\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\"}," + badRule + "]";

        assertThatThrownBy(() -> RoutingRules.FORMAT.read(document)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRefusalNamesTheRuleAndItsProblem() {
        assertThatThrownBy(() -> RoutingRules.FORMAT.read("[{\"channel\":\"UNIONPAY\",\"method\":\"BANK_CARD\",\"gray_percent\":120}]"))
                .hasMessage("rule #0 has gray_percent 120, not 0..100");
    }
}
