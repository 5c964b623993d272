package io.paysuite.api.member;

import java.io.Serializable;

/** A buyer's login on the cashier page. */
public record BuyerLoginCmd(String phone, String password) implements Serializable {

    @Override
    public String toString() {
        return "BuyerLoginCmd[phone=" + phone + "]";
    }
}
