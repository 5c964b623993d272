package io.paysuite.pay.risk;

import io.paysuite.api.risk.RiskAction;
import java.util.List;

/** One screening's result: the decision, the rules that fired (with why), those that failed to evaluate. */
public record RiskDecision(RiskInput input, RiskAction action, List<String> fired, List<String> failed, String inputs) {

    public RiskDecision {
        fired = List.copyOf(fired);
        failed = List.copyOf(failed);
    }
}
