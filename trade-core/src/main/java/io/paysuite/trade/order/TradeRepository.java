package io.paysuite.trade.order;

import io.paysuite.api.trade.TradeStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Trades by trade number. Implemented in {@code infra} over the sharded {@code trade_order} tables. */
public interface TradeRepository {

    /**
     * Insert a new trade into the table its number routes to.
     *
     * @return false when a trade with this number already exists (nothing written)
     */
    boolean insert(Trade trade);

    /** Reads exactly one physical table: the one the number's gene names. */
    Optional<Trade> find(String tradeNo);

    /**
     * The trades of these numbers that exist, in no particular order: one statement, which reads only
     * the tables the numbers' genes name. Every number must be a trade number (it reaches the router).
     */
    List<Trade> findAll(Collection<String> tradeNos);

    /**
     * Compare-and-set: moves the trade from {@code from} to {@code to} only if it is still in
     * {@code from}; stamps {@code closed_at} on {@code CLOSED}. Like every status change below, it
     * asks {@link TradeTransitions#TABLE} first.
     *
     * @return false when the trade was not in {@code from} (nothing written)
     * @throws io.paysuite.kit.state.StateTable.IllegalTransitionException when the table refuses
     *         {@code from → to} (nothing written)
     */
    boolean transition(String tradeNo, TradeStatus from, TradeStatus to, Instant at);

    /** Reads the trade with an exclusive row lock; only inside a transaction. */
    Optional<Trade> lock(String tradeNo);

    /** {@code WAIT_PAY → PAYING} for this pay order; false when the trade was not waiting. */
    boolean beginPay(String tradeNo, String payOrderNo, Instant at);

    /**
     * {@link #beginPay(String, String, Instant)} only if the row is still at {@code version}: the trade exactly as
     * this instance wrote it ({@link WrittenTrades}); false otherwise (nothing written).
     */
    boolean beginPay(String tradeNo, String payOrderNo, Instant at, int version);

    /** {@code PAYING → WAIT_PAY} only if this pay order holds the trade. */
    boolean abandonPay(String tradeNo, String payOrderNo, Instant at);

    /**
     * {@code PAYING → SUCCESS} only if this pay order holds the trade, recording from {@code paid}
     * (see {@link Trade#paid}) what was paid, by whom, with which method and channel, and when.
     */
    boolean markPaid(String tradeNo, String payOrderNo, Trade paid);

    /**
     * {@link #markPaid(String, String, Trade)} only if the row is still at {@code version}: the trade exactly as this
     * instance wrote it ({@link WrittenTrades}); false otherwise (nothing written).
     */
    boolean markPaid(String tradeNo, String payOrderNo, Trade paid, int version);

    /**
     * {@code AUTHORIZED → CAPTURED | VOIDED}, writing the paid amount the end leaves (the captured
     * part; nothing for a void); false when the trade was not {@code AUTHORIZED}.
     */
    boolean endAuthorisation(String tradeNo, TradeStatus to, long paidMinor, Instant at);

    /** Adds {@code delta} (negative gives back) to the refunded amount, only if it stays within [0, paid]. */
    boolean addRefunded(String tradeNo, long delta, Instant at);
}
