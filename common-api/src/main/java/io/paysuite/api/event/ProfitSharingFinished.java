package io.paysuite.api.event;

import io.paysuite.api.sharing.SharingOrderDTO;

/**
 * The body of {@code PROFIT_SHARING_FINISHED}: a profit-sharing order as its final state committed it;
 * cashier-service tells the merchant ({@code PROFIT_SHARING.FINISHED}). {@code eventId} is stable per
 * order, so a redelivery is one notification.
 */
public record ProfitSharingFinished(String eventId, SharingOrderDTO order) {
}
