package io.paysuite.cashier.page;

import io.paysuite.api.money.Money;
import java.math.BigDecimal;

/**
 * An amount as a buyer reads it: {@code ¥12.34} for 1234 CNY minor units. The digits come from the
 * currency's own minor-unit exponent (ISO 4217), never through floating point. Only the yuan gets
 * its sign: the cashier takes CNY, and a code ({@code USD 1.00}) is unambiguous for anything else.
 */
public final class AmountText {

    private AmountText() {
    }

    public static String of(Money money) {
        int digits = Math.max(0, money.currencyUnit().getDefaultFractionDigits());
        String number = BigDecimal.valueOf(money.minor(), digits).toPlainString();
        return "CNY".equals(money.currency()) ? "¥" + number : money.currency() + " " + number;
    }
}
