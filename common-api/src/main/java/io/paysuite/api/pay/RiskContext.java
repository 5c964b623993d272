package io.paysuite.api.pay;

import java.io.Serializable;

/**
 * What the edge knows about where a payment comes from, for pay-core's risk rules: the client's IP
 * (the buyer's browser on the cashier page, the merchant's till for a payment code) and the device
 * id the cashier keeps in a long-lived cookie. Either may be null; rules on a missing one do not fire.
 */
public record RiskContext(String clientIp, String deviceId) implements Serializable {

    public static final RiskContext NONE = new RiskContext(null, null);
}
