package io.paysuite.api.member;

import java.io.Serializable;
import java.time.Instant;

/**
 * A bound card as pages and callers may see it: never its UnionPay token. {@code cardId} is
 * {@code C} followed by digits (at least eight), unique across buyers.
 */
public record BoundCardDTO(
        String cardId,
        String buyerId,
        String maskedPan,
        String bankName,
        CardType cardType,
        CardStatus status,
        Instant boundAt) implements Serializable {
}
