package io.paysuite.api.pay;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * Open a pay order (one payment attempt) for a trade. Idempotent on ({@code tradeNo},
 * {@code requestNo}): the caller (the cashier) issues one {@code requestNo} per attempt and
 * resends it unchanged on retry. {@code tradeNo} is a trade order number; the pay order number
 * carries the same shard gene, so a trade's pay orders live in the trade's shard position.
 */
public record OpenPayOrderCmd(
        String tradeNo,
        String buyerId,
        String merchantId,
        PayMethod method,
        Money amount,
        String requestNo) implements Serializable {
}
