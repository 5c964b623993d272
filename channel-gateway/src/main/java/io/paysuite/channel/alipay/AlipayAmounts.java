package io.paysuite.channel.alipay;

import java.math.BigDecimal;

/** Alipay speaks yuan with two decimals ("12.34"); we keep fen. Exact conversions, never floating point. */
final class AlipayAmounts {

    private AlipayAmounts() {
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /**
     * The currency of an Alipay amount: {@code trans_currency} when Alipay states one; a domestic trade carries
     * none, and its amounts are yuan by Alipay's definition of {@code total_amount}.
     */
    static String currency(String transCurrency) {
        return transCurrency == null || transCurrency.isBlank() ? "CNY" : transCurrency.trim();
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
