package io.paysuite.api.trade;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Create a trade for a merchant order. Idempotent on ({@code merchantId}, {@code outTradeNo}).
 * Field rules are those of {@code POST /api/v1/trades} in API.md: {@code outTradeNo} 6–64 of
 * {@code [A-Za-z0-9_-]}, amount &gt; 0 in CNY, subject 1–128 chars, {@code notifyUrl} https
 * (http only in the local profile), {@code attach} ≤ 256 chars, {@code timeExpire} in the future
 * and at most 15 days ahead (null: 30 minutes). {@code buyerId}, {@code returnUrl}, {@code attach}
 * and {@code timeExpire} may be null. {@code paymentMethods} restricts what the cashier offers;
 * null or empty means every method the platform has; it takes part in the idempotency check.
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
        Instant timeExpire,
        List<PayMethod> paymentMethods) implements Serializable {

    public CreateTradeCmd {
        paymentMethods = paymentMethods == null ? List.of() : List.copyOf(paymentMethods);
    }

    /** A trade the cashier may pay with any method. */
    public CreateTradeCmd(String merchantId, String outTradeNo, TradeType tradeType, Money amount, String subject,
                          String buyerId, String notifyUrl, String returnUrl, String attach, Instant timeExpire) {
        this(merchantId, outTradeNo, tradeType, amount, subject, buyerId, notifyUrl, returnUrl, attach, timeExpire, List.of());
    }
}
