package io.paysuite.member.card;

import io.paysuite.api.member.CardStatus;
import io.paysuite.api.member.CardType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Bound cards in table {@code bound_card}; implemented in {@code infra.card}. */
public interface BoundCardRepository {

    /**
     * Inserts an {@code ACTIVE} card; the unique key on (buyer, token) decides a race between bindings.
     *
     * @return the stored card with its number, or empty when the buyer already has this token
     *         (nothing written)
     */
    Optional<BoundCard> insert(NewCard card);

    /** The buyer's card with this token, whatever its status (tokens compare case-sensitively). */
    Optional<BoundCard> findByToken(String buyerId, String unionpayToken);

    Optional<BoundCard> findByNumber(long number);

    /** The buyer's {@code ACTIVE} cards, the earliest bound first. */
    List<BoundCard> listActive(String buyerId);

    /**
     * Compare-and-set of the status.
     *
     * @return false when the card was not in {@code from} (nothing written)
     */
    boolean transition(long number, CardStatus from, CardStatus to, Instant now);

    /**
     * {@code UNBOUND → ACTIVE} with the bank name and type of the new binding.
     *
     * @return false when the card was not {@code UNBOUND} (nothing written)
     */
    boolean rebind(long number, String bankName, CardType cardType, Instant now);
}
