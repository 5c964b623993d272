package io.paysuite.api.member;

import java.io.Serializable;

/** Register a buyer. Idempotent on {@code phone}. {@code payPassword} is six digits. */
public record RegisterBuyerCmd(String phone, String password, String payPassword, String nickname)
        implements Serializable {

    @Override
    public String toString() {
        return "RegisterBuyerCmd[phone=" + phone + ", nickname=" + nickname + "]"; // never the secrets
    }
}
