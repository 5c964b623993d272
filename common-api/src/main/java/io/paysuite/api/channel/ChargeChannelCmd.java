package io.paysuite.api.channel;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import java.io.Serializable;
import java.time.Instant;

/**
 * Charge a pay order through a channel. Idempotent on {@code payOrderNo}: a repeat answers the
 * channel order as it stands now, after asking the channel when it is not final (this is how the
 * pay order's delayed checks follow an uncertain charge up).
 *
 * @param expiresAt when the buyer can no longer pay (the trade's {@code time_expire}); the channel
 *                  order is closed at the channel after it
 */
public record ChargeChannelCmd(String payOrderNo, String tradeNo, String merchantId, PayMethod method, Money amount,
                               String subject, Instant expiresAt) implements Serializable {
}
