package io.paysuite.api.sharing;

import io.paysuite.api.money.Money;
import java.io.Serializable;

public record SharingReceiverDTO(String merchantId, Money amount, String description, SharingReceiverResult result)
        implements Serializable {
}
