package io.paysuite.cashier.api.limit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.limits.*}: per-merchant rate limits (Sentinel).
 *
 * @param defaultQps requests per second each merchant may make when the config center has no rule
 * @param rulesKey   config-center key whose JSON array of Sentinel {@code ParamFlowRule}s replaces
 *                   the default at run time
 */
@ConfigurationProperties("paysuite.cashier.limits")
public record RateLimitProperties(@DefaultValue("200") int defaultQps,
                                  @DefaultValue("sentinel/cashier-service/merchant-flow-rules") String rulesKey) {
}
