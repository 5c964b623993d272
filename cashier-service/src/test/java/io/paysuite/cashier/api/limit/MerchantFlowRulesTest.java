package io.paysuite.cashier.api.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowItem;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRuleManager;
import io.paysuite.kit.config.LocalConfigCenter;
import io.paysuite.kit.config.RuleSources;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerchantFlowRulesTest {

    static final String KEY = "sentinel/cashier-service/merchant-flow-rules";
    final LocalConfigCenter center = new LocalConfigCenter();
    final MerchantFlowRules rules = new MerchantFlowRules(new RateLimitProperties(200, KEY), new RuleSources(center));

    static String limit(String merchant, int count) {
        return "[{\"resource\":\"open-api\",\"paramIdx\":0,\"count\":200,\"grade\":1,\"paramFlowItemList\":"
                + "[{\"object\":\"" + merchant + "\",\"classType\":\"java.lang.String\",\"count\":" + count + "}]}]";
    }

    static List<Integer> merchantLimits() {
        return ParamFlowRuleManager.getRulesOfResource(MerchantRateLimiter.RESOURCE).stream()
                .flatMap(rule -> rule.getParamFlowItemList().stream()).map(ParamFlowItem::getCount).toList();
    }

    @Test
    void aMerchantLimitFromTheConfigCenterIsInForceAndABadDocumentLeavesIt() {
        center.publish(KEY, limit("M100000001", 5));
        rules.start();
        try {
            assertThat(merchantLimits()).containsExactly(5);

            center.publish(KEY, limit("M100000001", 5).replace("open-api", "open_api"));
            center.publish(KEY, limit("M100000001", 9).replace("\"paramIdx\":0,", ""));
            center.publish(KEY, "[{\"resource\":\"open-api\",\"paramIdx\":0,\"count\":-1}]");
            assertThat(merchantLimits()).as("refused documents leave the last good limit").containsExactly(5);

            center.publish(KEY, limit("M100000001", 7));
            assertThat(merchantLimits()).containsExactly(7);
            center.remove(KEY);
            assertThat(ParamFlowRuleManager.getRulesOfResource(MerchantRateLimiter.RESOURCE))
                    .singleElement().extracting(ParamFlowRule::getCount).isEqualTo(200.0);
        } finally {
            rules.stop();
        }
    }
}
