package io.paysuite.member.promotion;

import java.util.Optional;

/**
 * How a trade was paid, as its owner (trade-core) tells it; implemented in {@code infra.promotion}. Asked only by a
 * refund that found no earning of its trade: a trade that cannot earn ({@link PointsEarnings.PaidTrade#canEarn})
 * leaves no row behind, so its payment is what tells it apart from one whose event has not been handled yet.
 */
public interface PaidTrades {

    /**
     * The trade's payment as its paid event carries it; empty when that cannot be told now — no such trade, not
     * paid as far as the answer goes, or no answer — and the refund then waits for the payment's event as before.
     */
    Optional<PointsEarnings.PaidTrade> find(String tradeNo);
}
