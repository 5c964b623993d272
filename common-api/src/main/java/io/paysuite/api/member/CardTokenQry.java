package io.paysuite.api.member;

import java.io.Serializable;

/**
 * The UnionPay token behind one of a buyer's active cards, asked right before paying with it: the
 * page names the card by id, the server resolves the token for the logged-in buyer.
 */
public record CardTokenQry(String buyerId, String cardId) implements Serializable {
}
