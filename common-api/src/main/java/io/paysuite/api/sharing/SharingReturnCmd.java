package io.paysuite.api.sharing;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * @param merchantId         the sharing merchant, who gets the money back
 * @param receiverMerchantId the receiver whose share is given back
 */
public record SharingReturnCmd(String merchantId, String orderNo, String outReturnNo, String receiverMerchantId, Money amount)
        implements Serializable {
}
