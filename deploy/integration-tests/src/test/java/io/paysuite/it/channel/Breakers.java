package io.paysuite.it.channel;

import static org.awaitility.Awaitility.await;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelHealthDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import java.time.Duration;
import java.util.List;

/**
 * The gateway's breakers as a test sees them. A test that makes a channel time out can open its breaker (that is the
 * breaker's job); such a test waits here for the probe to close it again before it ends, so the next test class does
 * not start against a channel that refuses everything ("nothing was sent").
 */
public final class Breakers {

    private Breakers() {
    }

    static String state(ChannelService channels, ChannelCode channel) {
        Result<List<ChannelHealthDTO>> health = channels.health();
        if (!health.success()) {
            return "UNKNOWN";
        }
        return health.data().stream().filter(h -> h.channel() == channel).map(ChannelHealthDTO::breakerState)
                .findFirst().orElse("UNKNOWN");
    }

    /** Waits until every named channel's breaker is closed (the half-open probe closes it once the channel answers). */
    public static void awaitClosed(ChannelService channels, ChannelCode... wanted) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> List.of(wanted).stream().allMatch(channel -> "CLOSED".equals(state(channels, channel))));
    }
}
