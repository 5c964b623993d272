package io.paysuite.api.member;

import java.io.Serializable;

/** Check a buyer's payment password before money moves. */
public record VerifyPayPasswordCmd(String buyerId, String payPassword) implements Serializable {

    @Override
    public String toString() {
        return "VerifyPayPasswordCmd[buyerId=" + buyerId + "]";
    }
}
