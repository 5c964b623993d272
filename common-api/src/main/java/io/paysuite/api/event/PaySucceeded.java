package io.paysuite.api.event;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import java.time.Instant;

/**
 * The body of {@code PAY_SUCCEEDED}: what trade-core records on the trade. pay-core writes the pay
 * order as its success left it, so the event and the row agree on the finish time and the channel.
 *
 * @param method  how the buyer paid; may be null in messages of pay-cores that did not send it
 * @param channel the channel that took the money; null for a wallet payment, and in messages of
 *                pay-cores older than {@code pay_order.channel} (the method's channel stands in)
 */
public record PaySucceeded(String payOrderNo, String tradeNo, String buyerId, PayMethod method, Money amount,
                           Instant finishedAt, String channel) {
}
