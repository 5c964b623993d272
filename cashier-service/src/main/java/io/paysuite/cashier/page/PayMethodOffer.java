package io.paysuite.cashier.page;

import io.paysuite.api.pay.PayMethod;

/**
 * One method on the pay form: allowed by the merchant, and {@code available} if it can be picked now;
 * {@code noteKey} says why not (a message key), null when it can.
 */
record PayMethodOffer(PayMethod method, boolean available, String noteKey) {

    /** As the platform's switch says: enabled, or "not available yet". */
    PayMethodOffer(PayMethod method, boolean enabled) {
        this(method, enabled, enabled ? null : "pay.method.unavailable");
    }

    public String name() {
        return method.name();
    }

    /** This offer, not selectable for this buyer, for the reason {@code noteKey}. */
    PayMethodOffer unavailable(String why) {
        return new PayMethodOffer(method, false, why);
    }
}
