package io.paysuite.channel.alipay;

import java.math.BigDecimal;

/** Alipay speaks yuan with two decimals ("12.34"); we keep fen. Exact conversions, never floating point. */
final class AlipayAmounts {

    private AlipayAmounts() {
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** @return fen, or null when the channel sent no amount or not a two-decimal yuan amount */
    static Long fen(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(yuan.trim()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException notAnAmount) {
            return null;
        }
    }
}
