package io.paysuite.api.refund;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * Refund a trade named by {@code tradeNo} or, when that is null, by {@code outTradeNo}.
 * {@code outRefundNo} follows the rules of {@code out_trade_no} (6–64 of {@code [A-Za-z0-9_-]});
 * {@code refund} &gt; 0 in the trade's currency; {@code reason} at most 80 chars, may be null.
 */
public record CreateRefundCmd(
        String merchantId,
        String tradeNo,
        String outTradeNo,
        String outRefundNo,
        Money refund,
        String reason) implements Serializable {
}
