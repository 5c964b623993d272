package io.paysuite.member.card;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Card ids are {@code C} followed by the card's number, e.g. {@code C10000001}: the
 * {@code bound_card} table's auto-increment key (it starts at 10000001). Sequential ids can be
 * guessed, so a card id alone never finds a card: every lookup is scoped to the buyer (BoundCards).
 */
public final class CardIds {

    static final char PREFIX = 'C';
    private static final Pattern FORMAT = Pattern.compile("C[1-9]\\d{0,17}");

    private CardIds() {
    }

    public static String format(long number) {
        return PREFIX + Long.toString(number);
    }

    /** The number inside a card id, or empty when the text cannot be a card id. */
    public static OptionalLong parse(String cardId) {
        if (cardId == null || !FORMAT.matcher(cardId).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(cardId.substring(1)));
    }
}
