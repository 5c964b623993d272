package io.paysuite.cashier.page.wallet;

import io.paysuite.api.money.Money;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount a buyer types in yuan ({@code 12.80}, {@code 12.8}, {@code 12}) as CNY minor units, by the
 * digits alone (never through floating point); anything else — a sign, a third decimal, a comma, zero,
 * more than a hundred million yuan — is not an amount.
 */
public final class YuanAmount {

    private static final Pattern YUAN = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,2}))?");

    private YuanAmount() {
    }

    public static Optional<Money> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = YUAN.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String fraction = m.group(2) == null ? "00" : (m.group(2) + "0").substring(0, 2);
        long minor = Long.parseLong(m.group(1)) * 100 + Long.parseLong(fraction);
        return minor > 0 ? Optional.of(Money.cny(minor)) : Optional.empty();
    }
}
