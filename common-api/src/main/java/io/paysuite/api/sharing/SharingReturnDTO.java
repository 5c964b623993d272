package io.paysuite.api.sharing;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.time.Instant;

/** A share given back; {@code result} is {@code SUCCESS} once its entry is posted. */
public record SharingReturnDTO(String returnNo, String outReturnNo, String orderNo, String merchantId, String receiverMerchantId,
                               Money amount, SharingReceiverResult result, Instant createdAt) implements Serializable {
}
