package io.paysuite.api.channel;

import java.io.Serializable;
import java.util.List;

/**
 * How a channel has been doing over the last {@code windowSeconds} (ops API {@code GET /channels/health}).
 *
 * @param successRate  calls the channel answered (any definite or pending answer) / all calls; timeouts,
 *                     I/O errors, system errors and bad signatures count against it; 1.0 with no calls
 * @param breakerState Sentinel's circuit breaker: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
 * @param topCodes     the channel's most frequent raw codes in the window, most frequent first
 */
public record ChannelHealthDTO(ChannelCode channel, boolean enabled, long calls, double successRate, double p50Millis,
                               double p99Millis, String breakerState, long windowSeconds, List<CodeCount> topCodes)
        implements Serializable {

    public record CodeCount(String code, long count) implements Serializable {
    }
}
