package io.paysuite.api.money;

import java.io.Serializable;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount as an integer count of minor units plus its ISO 4217 currency code. Never floating
 * point: 100 CNY minor units are 1.00 CNY. Arithmetic refuses to mix currencies and to overflow.
 *
 * <p>The currency is kept as its ISO code, the form it has in the open API, the database and
 * channel messages; {@link #currencyUnit()} gives the {@link Currency} when needed.
 */
public record Money(long minor, String currency) implements Serializable {

    public Money {
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency); // refuses what is not an ISO 4217 code
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, currencyCode);
    }

    public static Money cny(long minor) {
        return of(minor, "CNY");
    }

    public Currency currencyUnit() {
        return Currency.getInstance(currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return minor + " " + currency;
    }
}
