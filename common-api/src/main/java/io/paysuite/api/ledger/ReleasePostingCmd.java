package io.paysuite.api.ledger;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * Release a guarantee trade's escrow to the merchant on confirm: debit escrow by {@code amount},
 * credit merchant pending with the amount less the fee and fee income with the fee. Idempotent on
 * {@code postingKey}.
 */
public record ReleasePostingCmd(
        String postingKey,
        String tradeNo,
        String merchantId,
        Money amount) implements Serializable {
}
