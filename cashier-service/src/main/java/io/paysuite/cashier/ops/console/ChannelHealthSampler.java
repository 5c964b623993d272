package io.paysuite.cashier.ops.console;

import io.paysuite.cashier.ops.OpsController;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Reads the channels' health once a minute into {@link ChannelHealthHistory}. */
public class ChannelHealthSampler {

    private static final Logger log = LoggerFactory.getLogger(ChannelHealthSampler.class);

    private final OpsController ops;
    private final ChannelHealthHistory history;
    private final Clock clock;

    public ChannelHealthSampler(OpsController ops, ChannelHealthHistory history, Clock clock) {
        this.ops = ops;
        this.history = history;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${paysuite.cashier.ops.health-sample-every:60s}", initialDelayString = "5s")
    public void sample() {
        try {
            history.record(ops.channelsHealth().channels().stream()
                    .map(h -> new ChannelAlarms.Reading(h.channel(), h.calls(), h.successRate(), h.p50Ms(), h.p99Ms())).toList(),
                    clock.instant());
        } catch (RuntimeException e) {
            // the gateway unreachable for a minute is a gap in the chart, not a reason to stop sampling
            log.warn("channel health not sampled for the dashboard's history: {}", e.toString());
        }
    }
}
