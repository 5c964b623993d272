package io.paysuite.api.risk;

import io.paysuite.api.pay.PayMethod;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One logged risk decision: which payment (trade and the attempt's request number), whose, how much
 * (minor units), the decision, the rules that fired, the rules that failed to evaluate, and the
 * inputs that mattered ({@code key=value; …}: client IP, device, card fingerprint, the counters read).
 */
public record RiskDecisionDTO(long id, String tradeNo, String requestNo, String buyerId, String merchantId, PayMethod method,
                              long amountMinor, String currency, RiskAction action, List<String> firedRules,
                              List<String> failedRules, String inputs, Instant decidedAt) implements Serializable {

    public RiskDecisionDTO {
        firedRules = firedRules == null ? List.of() : List.copyOf(firedRules);
        failedRules = failedRules == null ? List.of() : List.copyOf(failedRules);
    }
}
