package io.paysuite.trade.expiry;

import java.time.Instant;

/** Durable timers that fire at a trade's expiry; kept by the broker, so nothing scans the trade tables. */
public interface ExpiryTimers {

    /**
     * Sets the timer of a trade; it may fire early (a long expiry is reached in hops) or twice.
     *
     * @throws IllegalStateException when the timer was not stored
     */
    void set(String tradeNo, Instant expireAt);
}
