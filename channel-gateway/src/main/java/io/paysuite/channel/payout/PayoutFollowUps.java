package io.paysuite.channel.payout;

import java.time.Duration;

/** "Ask the payout channel about this payout again after {@code delay}" as a durable delayed message shared by every instance. */
public interface PayoutFollowUps {

    /** @param attempt the follow-up's number, 1 for the first; 0 asks once and sets no next timer */
    void schedule(String payoutNo, int attempt, Duration delay);
}
