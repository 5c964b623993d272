package io.paysuite.api.trade;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.time.Instant;

/**
 * Create a trade for a merchant order. Idempotent on ({@code merchantId}, {@code outTradeNo}).
 * Field rules are those of {@code POST /api/v1/trades} in API.md: {@code outTradeNo} 6–64 of
 * {@code [A-Za-z0-9_-]}, amount &gt; 0 in CNY, subject 1–128 chars, {@code notifyUrl} https
 * (http only in the local profile), {@code attach} ≤ 256 chars, {@code timeExpire} in the future
 * and at most 15 days ahead (null: 30 minutes). {@code buyerId}, {@code returnUrl}, {@code attach}
 * and {@code timeExpire} may be null.
 */
public record CreateTradeCmd(
        String merchantId,
        String outTradeNo,
        TradeType tradeType,
        Money amount,
        String subject,
        String buyerId,
        String notifyUrl,
        String returnUrl,
        String attach,
        Instant timeExpire) implements Serializable {
}
