package io.paysuite.cashier.page;

import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.pay.PayMethod;
import java.util.List;

/**
 * What the pay form shows under "bank card" for the logged-in buyer: the active bound cards (ids,
 * masked numbers and banks only; the page never holds a token), or, when there are none to show,
 * the message saying why.
 *
 * @param cards   the buyer's active cards, the earliest bound first (it is the one preselected)
 * @param noteKey the message shown instead of the cards; null when there are cards
 */
public record CardChoices(List<BoundCardDTO> cards, String noteKey) {

    static CardChoices of(List<BoundCardDTO> cards) {
        return cards.isEmpty() ? new CardChoices(List.of(), "pay.card.none") : new CardChoices(List.copyOf(cards), null);
    }

    /** member-service could not answer: the card method is unavailable for now, the rest of the form works. */
    static CardChoices unavailable() {
        return new CardChoices(List.of(), "pay.card.unavailable");
    }

    boolean usable() {
        return !cards.isEmpty();
    }

    /** Without a card to pay with, BANK_CARD stays on the form but cannot be picked. */
    List<PayMethodOffer> applyTo(List<PayMethodOffer> offers) {
        if (usable()) {
            return offers;
        }
        return offers.stream()
                .map(o -> o.method() == PayMethod.BANK_CARD && o.available() ? o.unavailable(noteKey + ".short") : o)
                .toList();
    }
}
