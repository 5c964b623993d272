package io.paysuite.channel.infra.recon;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.recon.FeeRate;
import io.paysuite.channel.routing.RoutingProperties;
import io.paysuite.channel.routing.RoutingRules;
import io.paysuite.kit.config.LocalConfigCenter;
import io.paysuite.kit.config.RuleSources;
import org.junit.jupiter.api.Test;

/** The agreed rates are what the routing rules document in the config center states, per channel and method. */
class RoutingFeeRatesTest {

    static final String KEY = "channel-gateway/routing-rules";
    final LocalConfigCenter center = new LocalConfigCenter();
    final RoutingRules rules = new RoutingRules(new RoutingProperties(KEY, 1000), new RuleSources(center));
    final RoutingFeeRates rates = new RoutingFeeRates(rules);

    @Test
    void theFirstRuleOfAChannelAndMethodThatStatesAFeeIsItsRateAndWithoutOneNothingIsChecked() {
        rules.start();
        try {
            assertThat(rates.any(ChannelCode.ALIPAY)).as("the defaults state no fee").isFalse();

            center.publish(KEY, "[{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"gray_percent\":50},"
                    + "{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\",\"fee_bps\":60},"
                    + "{\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\",\"fee_bps\":55,\"fee_fixed_minor\":1},"
                    + "{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_CODE\"}]");

            assertThat(rates.of(ChannelCode.ALIPAY, PayMethod.ALIPAY_QR)).contains(new FeeRate(60, 0));
            assertThat(rates.of(ChannelCode.WECHAT, PayMethod.WECHAT_QR)).contains(new FeeRate(55, 1));
            assertThat(rates.of(ChannelCode.ALIPAY, PayMethod.ALIPAY_CODE)).isEmpty();
            assertThat(rates.of(ChannelCode.WECHAT, PayMethod.ALIPAY_QR)).isEmpty();
            assertThat(rates.any(ChannelCode.ALIPAY)).isTrue();
            assertThat(rates.any(ChannelCode.UNIONPAY)).isFalse();
        } finally {
            rules.stop();
        }
    }
}
