package io.paysuite.accounting.sharing;

import io.paysuite.api.money.Money;
import io.paysuite.api.sharing.SharingOrderDTO;
import io.paysuite.api.sharing.SharingOrderStatus;
import io.paysuite.api.sharing.SharingReceiverDTO;
import io.paysuite.api.sharing.SharingReceiverResult;
import java.time.Instant;
import java.util.List;

/**
 * A profit-sharing order: what the merchant asked for ({@code digest} fingerprints it, so a repeat is
 * told from a reuse of {@code outOrderNo}) and where it is. An unfreeze is an order without receivers.
 */
public record SharingOrder(String orderNo, String outOrderNo, String tradeNo, String merchantId, String currency,
                           List<Receiver> receivers, boolean unfreeze, String digest, SharingOrderStatus status,
                           Instant createdAt, Instant finishedAt) {

    public SharingOrder {
        receivers = List.copyOf(receivers);
    }

    /** One receiver's share and its result. */
    public record Receiver(String merchantId, long amount, String description, SharingReceiverResult result) {
    }

    /** Its entry's posting key: one entry per order. */
    public String postingKey() {
        return "SHARE-" + orderNo;
    }

    public long total() {
        return receivers.stream().mapToLong(Receiver::amount).sum();
    }

    /** The order as finished: every receiver {@code SUCCESS} (the entry posted) or {@code CLOSED} (refused). */
    public SharingOrder finished(SharingReceiverResult result, Instant at) {
        return new SharingOrder(orderNo, outOrderNo, tradeNo, merchantId, currency,
                receivers.stream().map(r -> new Receiver(r.merchantId(), r.amount(), r.description(), result)).toList(),
                unfreeze, digest, SharingOrderStatus.FINISHED, createdAt, at);
    }

    public SharingOrderDTO toDto() {
        return new SharingOrderDTO(orderNo, outOrderNo, tradeNo, merchantId, status, receivers.stream()
                .map(r -> new SharingReceiverDTO(r.merchantId(), Money.of(r.amount(), currency), r.description(), r.result()))
                .toList(), unfreeze, createdAt, finishedAt);
    }
}
