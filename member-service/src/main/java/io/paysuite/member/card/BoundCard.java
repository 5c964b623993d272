package io.paysuite.member.card;

import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.CardStatus;
import io.paysuite.api.member.CardTokenDTO;
import io.paysuite.api.member.CardType;
import java.time.Instant;

/**
 * A stored bound card. The UnionPay token stays inside member-service except through
 * {@link #toToken()} (for the server that charges the card): {@link #toDTO()} leaves it out and
 * {@link #toString()} does not print it, so neither a page nor a log line can carry it.
 *
 * @param number  the database number; the card id is {@code C} + number ({@link CardIds})
 * @param buyerId the owner, {@code U…}; every lookup by card id is checked against it
 */
public record BoundCard(
        long number,
        String buyerId,
        String unionpayToken,
        String maskedPan,
        String bankName,
        CardType cardType,
        CardStatus status,
        Instant createdAt) {

    public String cardId() {
        return CardIds.format(number);
    }

    public boolean isActive() {
        return status == CardStatus.ACTIVE;
    }

    public BoundCardDTO toDTO() {
        return new BoundCardDTO(cardId(), buyerId, maskedPan, bankName, cardType, status, createdAt);
    }

    public CardTokenDTO toToken() {
        return new CardTokenDTO(cardId(), buyerId, unionpayToken);
    }

    @Override
    public String toString() {
        return "BoundCard[" + cardId() + ", buyer=" + buyerId + ", " + maskedPan + ", " + status + "]";
    }
}
