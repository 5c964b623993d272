package io.paysuite.pay.order;

import io.paysuite.api.pay.PayOrderStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Pay orders. Implemented in {@code infra} over the sharded {@code pay_order} tables. */
public interface PayOrderRepository {

    /** @return false when (trade_no, request_no) or the number is already taken (nothing written) */
    boolean insert(PayOrder order);

    /** Reads one physical table: the one the number's gene names. */
    Optional<PayOrder> find(String payOrderNo);

    /** Reads one physical table: the trade number's gene names it. */
    Optional<PayOrder> findByRequest(String tradeNo, String requestNo);

    /** Every pay order of the trade, oldest first; reads one physical table (the trade number's gene). */
    List<PayOrder> findByTrade(String tradeNo);

    /**
     * Every pay order of these trades, in no particular order: one statement, which reads only the
     * tables the trade numbers' genes name. Every number must be a trade number (it reaches the router).
     */
    List<PayOrder> findByTrades(Collection<String> tradeNos);

    /**
     * Compare-and-set {@code from → to}, asking {@link PayOrderTransitions#TABLE} first;
     * {@code failCode} is recorded with {@code FAILED}, {@code channel} with {@code SUCCESS} — in
     * this one update, so a successful pay order is never seen without the channel that took its
     * money.
     *
     * @param failCode only with {@code to = FAILED}, else null
     * @param channel  only with {@code to = SUCCESS}, else null; null too when no channel moved the money
     * @return false when the pay order was not in {@code from} (nothing written)
     * @throws io.paysuite.kit.state.StateTable.IllegalTransitionException when the table refuses
     *         {@code from → to} (nothing written)
     */
    boolean transition(String payOrderNo, PayOrderStatus from, PayOrderStatus to, String failCode, String channel,
                       Instant at);

    /**
     * Marks these {@code SUCCESS} pay orders announced ({@link PayOrder#announcedAt}): the broker stored their
     * {@code PAY_SUCCEEDED}. One statement, which writes only the tables the numbers' genes name; a pay order
     * already marked keeps its first mark, one not {@code SUCCESS} is left alone.
     */
    void markAnnounced(Collection<String> payOrderNos, Instant at);
}
