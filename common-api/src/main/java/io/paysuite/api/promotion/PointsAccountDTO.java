package io.paysuite.api.promotion;

import io.paysuite.api.money.Money;

import java.io.Serializable;

/**
 * A buyer's points. {@code availableValue} is what the available points pay at the configured redemption
 * rate (for example 100 points = 1.00 CNY).
 */
public record PointsAccountDTO(String buyerId, long available, long frozen, Money availableValue)
        implements Serializable {
}
