package io.paysuite.member.buyer;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Buyer ids are {@code U} followed by the buyer's number, e.g. {@code U10000001}. The number is
 * the {@code buyer} table's auto-increment key (it starts at 10000001, so every id has at least
 * eight digits); the id itself is not stored, so it can never disagree with the number.
 */
public final class BuyerIds {

    static final char PREFIX = 'U';
    private static final Pattern FORMAT = Pattern.compile("U[1-9]\\d{0,17}");

    private BuyerIds() {
    }

    public static String format(long number) {
        return PREFIX + Long.toString(number);
    }

    /** The number inside a buyer id, or empty when the text cannot be a buyer id. */
    public static OptionalLong parse(String buyerId) {
        if (buyerId == null || !FORMAT.matcher(buyerId).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(buyerId.substring(1)));
    }
}
