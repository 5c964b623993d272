package io.paysuite.api.sharing;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A profit-sharing order as the open API shows it ({@code receivers} empty for an unfreeze).
 *
 * @param merchantId the sharing merchant
 * @param unfreeze   whether the order released the trade's unshared rest
 */
public record SharingOrderDTO(String orderNo, String outOrderNo, String tradeNo, String merchantId, SharingOrderStatus status,
                              List<SharingReceiverDTO> receivers, boolean unfreeze, Instant createdAt, Instant finishedAt)
        implements Serializable {

    public SharingOrderDTO {
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
    }
}
