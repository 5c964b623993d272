package io.paysuite.api.member;

import java.io.Serializable;

/**
 * The UnionPay token of a buyer's active card, for the server that charges it (pay-core's
 * {@code PayCmd.authCode}); never rendered into a page or written to a log.
 */
public record CardTokenDTO(String cardId, String buyerId, String unionpayToken) implements Serializable {

    @Override
    public String toString() {
        return "CardTokenDTO[cardId=" + cardId + ", buyerId=" + buyerId + "]";
    }
}
