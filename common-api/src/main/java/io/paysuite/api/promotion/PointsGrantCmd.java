package io.paysuite.api.promotion;

import io.paysuite.api.money.Money;

import java.io.Serializable;

/**
 * Credit points to a buyer. Idempotent on {@code requestNo}. Either {@code points} directly (operators,
 * the demo seed) or {@code paidAmount} converted by the configured earning rule (points earned on a
 * paid trade, {@code requestNo} = the trade number).
 */
public record PointsGrantCmd(String buyerId, Long points, Money paidAmount, String requestNo, String reason)
        implements Serializable {
}
