package io.paysuite.api.ledger;

import java.io.Serializable;

/**
 * Names one account: its type, its owner (buyer id, merchant id, channel code, or
 * {@code PLATFORM}) and its currency. {@link #code()} is the stable text form
 * {@code TYPE:owner:CURRENCY}, e.g. {@code BUYER_WALLET:U1001:CNY}.
 */
public record AccountRef(AccountType type, String ownerId, String currency) implements Serializable {

    public static final String PLATFORM = "PLATFORM";

    public String code() {
        return type.name() + ":" + ownerId + ":" + currency;
    }

    public static AccountRef parse(String code) {
        String[] parts = code.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("account code must be TYPE:owner:CURRENCY: " + code);
        }
        return new AccountRef(AccountType.valueOf(parts[0]), parts[1], parts[2]);
    }
}
