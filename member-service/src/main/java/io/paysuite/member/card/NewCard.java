package io.paysuite.member.card;

import io.paysuite.api.member.CardType;
import java.time.Instant;

/** A card about to be bound ({@code ACTIVE}): the database assigns its number. */
public record NewCard(String buyerId, String unionpayToken, String maskedPan, String bankName, CardType cardType,
                      Instant createdAt) {

    @Override
    public String toString() {
        return "NewCard[buyer=" + buyerId + ", " + maskedPan + "]";
    }
}
