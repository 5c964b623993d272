package io.paysuite.pay.risk;

/** Whose payments a limit or velocity rule counts. */
public enum RiskSubject {
    BUYER("B:"), MERCHANT("M:"), DEVICE("D:"), IP("I:");

    private final String prefix;

    RiskSubject(String prefix) {
        this.prefix = prefix;
    }

    String key(String id) {
        return prefix + id;
    }

    /** The subject's id in the input; null when the payment has none (then the rule does not fire). */
    String of(RiskInput in) {
        return switch (this) {
            case BUYER -> in.buyerId();
            case MERCHANT -> in.merchantId();
            case DEVICE -> in.deviceId();
            case IP -> in.clientIp();
        };
    }
}
