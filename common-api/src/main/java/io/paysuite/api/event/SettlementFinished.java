package io.paysuite.api.event;

import io.paysuite.api.settlement.SettlementDTO;

/**
 * The body of {@code SETTLEMENT_FINISHED}: the settlement as its final state committed it
 * ({@code PAID} or {@code FAILED}); cashier-service tells the merchant ({@code SETTLEMENT.PAID},
 * {@code SETTLEMENT.FAILED}). {@code eventId} is stable per settlement and status, so a redelivery
 * is one notification.
 */
public record SettlementFinished(String eventId, SettlementDTO settlement) {
}
