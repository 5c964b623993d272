package io.paysuite.api.channel;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * Refund part of a channel payment through the channel that took it. Idempotent on
 * {@code refundNo} (sent to the channel as its refund request number): a repeat asks the channel
 * how that refund stands and answers it.
 *
 * @param payOrderNo the pay order whose channel order is refunded
 */
public record RefundChannelCmd(String refundNo, String payOrderNo, Money refund, String reason) implements Serializable {
}
