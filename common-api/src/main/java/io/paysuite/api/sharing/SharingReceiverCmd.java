package io.paysuite.api.sharing;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/** One receiver of an order: another merchant, its share, and why it gets it. */
public record SharingReceiverCmd(String merchantId, Money amount, String description) implements Serializable {
}
