package io.paysuite.channel.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.kit.config.LocalConfigCenter;
import io.paysuite.kit.config.RuleSources;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChannelRulesTest {

    final LocalConfigCenter center = new LocalConfigCenter();
    final IsolationProperties properties = new IsolationProperties("sentinel/channel-gateway/flow-rules",
            "sentinel/channel-gateway/degrade-rules", 20, Duration.ofSeconds(2), 0.5, 0.5, 10, Duration.ofSeconds(10),
            Duration.ofSeconds(30));
    final ChannelRules rules = new ChannelRules(properties, new RuleSources(center));

    static double cap(String resource) {
        return FlowRuleManager.getRules().stream().filter(rule -> rule.getResource().equals(resource))
                .mapToDouble(FlowRule::getCount).findFirst().orElse(-1);
    }

    @Test
    void channelCapsAndBreakersFollowTheConfigCenterAndRefuseAnInvalidRule() {
        String wechat = ChannelGuard.resource(ChannelCode.WECHAT);
        rules.start();
        try {
            assertThat(cap(wechat)).as("the default cap").isEqualTo(20);

            center.publish(properties.flowRulesKey(), "[{\"resource\":\"" + wechat + "\",\"grade\":0,\"count\":10}]");
            assertThat(cap(wechat)).isEqualTo(10);
            center.publish(properties.flowRulesKey(), "[{\"resource\":\"" + wechat + "\",\"grade\":7,\"count\":1}]");
            assertThat(cap(wechat)).as("an unknown grade is refused; the last good cap stays").isEqualTo(10);

            center.publish(properties.degradeRulesKey(), "[{\"resource\":\"" + wechat + "\",\"grade\":1,\"count\":0.5,"
                    + "\"minRequestAmount\":10,\"statIntervalMs\":10000,\"timeWindow\":0}]");
            assertThat(DegradeRuleManager.getRules()).as("a breaker that never closes is refused; the defaults stay")
                    .extracting(DegradeRule::getTimeWindow).containsOnly(30);

            center.remove(properties.flowRulesKey());
            assertThat(cap(wechat)).isEqualTo(20);
        } finally {
            rules.stop();
        }
    }
}
