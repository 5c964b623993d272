package io.paysuite.cashier.page;

import io.paysuite.api.pay.PayMethod;

/** One method on the pay form: allowed by the merchant, and {@code available} if the platform can take it now. */
record PayMethodOffer(PayMethod method, boolean available) {

    public String name() {
        return method.name();
    }
}
