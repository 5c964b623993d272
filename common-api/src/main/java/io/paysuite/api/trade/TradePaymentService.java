package io.paysuite.api.trade;

import io.paysuite.api.common.Result;
import io.paysuite.api.event.PaySucceeded;

/**
 * What pay-core asks of trade-core while it runs a payment attempt (provider: trade-core). Not
 * for merchants: a trade becomes {@code SUCCESS} only from pay-core's success — its {@code PAY_SUCCEEDED}
 * event, or the same event handed over directly by {@link #paid}.
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

    /**
     * The pay order holding the trade succeeded: the trade records the payment exactly as
     * {@code PAY_SUCCEEDED} makes it do ({@code PAYING → SUCCESS} by compare-and-set, {@code TRADE_SUCCEEDED}),
     * and the event, which pay-core still sends, then finds it done. pay-core hands the event over right
     * after its success commits so that a till waiting for the trade does not also wait for the broker's hop;
     * whatever this call answers (an error, a timeout, a trade-core that predates it) the event is what
     * guarantees the trade is told. Idempotent: a repeat, or the event racing this call, changes nothing
     * twice. Money for a trade the pay order does not hold is never applied: it is trade-core's alarm, as
     * for the event, and this call still answers ok (there is nothing pay-core could do differently).
     *
     * @return the trade as it stands after the call: {@code SUCCESS} (or a later state) paid by this pay order when
     *         the payment is recorded — which pay-core hands on to whoever waits for the payment, so that a till's
     *         answer needs no second call for the trade — or, for money the trade did not take (the alarm above),
     *         the trade as it is; the answer is always ok when the call ran
     */
    Result<TradeDTO> paid(PaySucceeded event);
}
