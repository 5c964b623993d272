package io.paysuite.api.risk;

/**
 * What a risk rule says about a payment, in order of severity: the decision over all rules is the most
 * severe that fired ({@code BLOCK > REVIEW > ALLOW}).
 */
public enum RiskAction {
    /** Go on. */
    ALLOW,
    /** Step up: a payment with a payment password needs it given now; any other is refused. */
    REVIEW,
    /** Refused with {@code RISK_REJECTED}; nothing moves. */
    BLOCK;

    public RiskAction max(RiskAction other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
