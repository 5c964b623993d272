package io.paysuite.sandbox;

import java.math.BigDecimal;

/** Amounts on the wire are yuan strings with two decimals; inside the sandbox they are integer fen. */
public final class Yuan {

    private Yuan() {
    }

    /** "12.34" → 1234; null when not a positive amount with at most two decimals. */
    public static Long toFen(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(yuan.trim());
            if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 2) {
                return null;
            }
            return value.movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** 1234 → "12.34", -5 → "-0.05". */
    public static String of(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
