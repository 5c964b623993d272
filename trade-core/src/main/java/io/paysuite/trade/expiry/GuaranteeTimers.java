package io.paysuite.trade.expiry;

import java.time.Instant;

/**
 * Durable timers that fire when a paid guarantee trade is due for its automatic confirmation; kept by
 * the broker like {@link ExpiryTimers}, so nothing scans the trade tables.
 */
public interface GuaranteeTimers {

    /**
     * Sets the auto-confirm timer of a trade; it may fire early (a long period is reached in hops) or twice.
     *
     * @throws IllegalStateException when the timer was not stored
     */
    void setAutoConfirm(String tradeNo, Instant confirmAt);
}
