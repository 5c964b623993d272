package io.paysuite.pay.risk;

import io.paysuite.api.pay.PayMethod;
import java.util.Set;

/**
 * Which payments a rule looks at: those of the methods it names and of the merchants it names; an empty
 * set means every one ({@code "methods"} and {@code "merchants"} in the rule document).
 */
public record RiskScope(Set<PayMethod> methods, Set<String> merchants) {

    public static final RiskScope ALL = new RiskScope(Set.of(), Set.of());

    public RiskScope {
        methods = Set.copyOf(methods);
        merchants = Set.copyOf(merchants);
    }

    public boolean covers(RiskInput in) {
        return (methods.isEmpty() || methods.contains(in.method()))
                && (merchants.isEmpty() || merchants.contains(in.merchantId()));
    }
}
