package io.paysuite.channel.order;

import java.time.Duration;

/**
 * "Look at this channel order again after {@code delay}" as a durable delayed message, so the query
 * schedule survives a restart and is shared by every gateway instance — no table scanning.
 */
public interface FollowUps {

    /** @param attempt the follow-up's number, 1 for the first; the schedule is chosen by it */
    void schedule(String channelOrderNo, int attempt, Duration delay);
}
