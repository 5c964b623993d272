package io.paysuite.api.trade;

import io.paysuite.api.common.Result;

/**
 * What pay-core asks of trade-core while it runs a payment attempt (provider: trade-core). Not
 * for merchants: a trade becomes {@code SUCCESS} only from pay-core's {@code PAY_SUCCEEDED} event.
 */
public interface TradePaymentService {

    /**
     * Take the trade for one pay order: {@code WAIT_PAY → PAYING} by compare-and-set, remembering
     * the pay order. Idempotent on ({@code tradeNo}, {@code payOrderNo}): the same pay order asking
     * again while the trade is {@code PAYING} for it answers the trade. Another attempt holding it
     * answers {@code TRADE_PAYING}; a paid one {@code TRADE_PAID}; a closed or expired one
     * {@code TRADE_CLOSED} (an expired trade is closed on the way).
     */
    Result<TradeDTO> beginPay(BeginPayCmd cmd);

    /**
     * Give the trade back after the attempt failed definitely: {@code PAYING → WAIT_PAY} only if
     * {@code payOrderNo} holds it (idempotent); a trade past its expiry is closed instead.
     */
    Result<TradeDTO> abandonPay(AbandonPayCmd cmd);
}
