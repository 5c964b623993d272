package io.paysuite.api.sharing;

import java.io.Serializable;
import java.util.List;

/**
 * @param merchantId      the sharing merchant (proved by the open API's signature)
 * @param unfreezeUnsplit release what this order leaves unshared, ending the trade's sharing
 */
public record CreateSharingOrderCmd(String merchantId, String tradeNo, String outOrderNo, List<SharingReceiverCmd> receivers,
                                    boolean unfreezeUnsplit) implements Serializable {

    public CreateSharingOrderCmd {
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
    }
}
