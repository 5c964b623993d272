package io.paysuite.channel.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelHealthDTO;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Live statistics per channel, two ways: Micrometer meters for the metrics endpoint
 * ({@code channel.call} timer with p50/p99 by channel, operation and outcome; {@code channel.code}
 * counters by raw code; {@code channel.blocked}), and a rolling five-minute window of one-minute
 * buckets for {@link #health} (success rate, code ranking). Latency percentiles come from a
 * Micrometer timer whose distribution decays over the same window.
 */
@Component
public class ChannelStats {

    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int BUCKETS = 5;

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<ChannelCode, Timer> latency = new EnumMap<>(ChannelCode.class);
    private final Map<ChannelCode, Bucket[]> windows = new EnumMap<>(ChannelCode.class);
    private final Map<String, HeldBack> heldBack = new ConcurrentHashMap<>();
    static final Duration HELD_BACK_LOG_EVERY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ChannelStats.class);

    public ChannelStats(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        for (ChannelCode channel : ChannelCode.values()) {
            latency.put(channel, Timer.builder("channel.latency").tag("channel", channel.name())
                    .publishPercentiles(0.5, 0.99).distributionStatisticExpiry(WINDOW).distributionStatisticBufferLength(BUCKETS)
                    .register(meters));
            Bucket[] ring = new Bucket[BUCKETS];
            for (int i = 0; i < BUCKETS; i++) {
                ring[i] = new Bucket();
            }
            windows.put(channel, ring);
        }
    }

    /** A call that reached the channel (answer null: the adapter threw, which adapters must not do). */
    public void record(ChannelCode channel, String operation, ChannelCall answer, long nanos) {
        Outcome outcome = answer == null ? Outcome.UNKNOWN : answer.outcome();
        String code = answer == null || answer.rawCode() == null ? "NONE" : answer.rawCode();
        Timer.builder("channel.call").tag("channel", channel.name()).tag("operation", operation).tag("outcome", outcome.name())
                .publishPercentiles(0.5, 0.99).register(meters).record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder("channel.code").tag("channel", channel.name()).tag("code", code).register(meters).increment();
        latency.get(channel).record(nanos, TimeUnit.NANOSECONDS);
        bucket(channel).add(outcome != Outcome.UNKNOWN, code);
    }

    /** A call that reached the payout channel: {@code payout.call} by channel, operation and outcome. */
    public void payout(String channel, String operation, ChannelCall answer, long nanos) {
        Outcome outcome = answer == null ? Outcome.UNKNOWN : answer.outcome();
        Timer.builder("payout.call").tag("channel", channel).tag("operation", operation).tag("outcome", outcome.name())
                .publishPercentiles(0.5, 0.99).register(meters).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A payout call our guard held back: {@code payout.blocked} by channel and reason. */
    public void payoutBlocked(String channel, String why) {
        Counter.builder("payout.blocked").tag("channel", channel).tag("why", why).register(meters).increment();
        log.warn("payout channel {}: a call held back by our guard ({}); nothing was sent", channel, why);
    }

    public void blocked(ChannelCode channel, String why) {
        Counter.builder("channel.blocked").tag("channel", channel.name()).tag("why", why).register(meters).increment();
        heldBack.computeIfAbsent(channel.name() + " " + why, key -> new HeldBack()).add(channel, why, clock.millis());
    }

    /**
     * Calls held back are counted, and said in the log at most once per {@link #HELD_BACK_LOG_EVERY}
     * per channel and reason, so a full lane or an open breaker shows in the log without flooding it.
     */
    private static final class HeldBack {
        private final LongAdder since = new LongAdder();
        private final AtomicLong loggedAt = new AtomicLong();

        void add(ChannelCode channel, String why, long now) {
            since.increment();
            long last = loggedAt.get();
            if (now - last >= HELD_BACK_LOG_EVERY.toMillis() && loggedAt.compareAndSet(last, now)) {
                log.warn("channel {}: {} calls held back by our guard ({}) since the last report; nothing was sent for them",
                        channel, since.sumThenReset(), why);
            }
        }
    }

    /** Calls answered / all calls in the window; 1.0 when there were none (no evidence against the channel). */
    public double successRate(ChannelCode channel) {
        long[] totals = totals(channel, new HashMap<>());
        return totals[1] == 0 ? 1.0 : (double) totals[0] / totals[1];
    }

    public ChannelHealthDTO health(ChannelCode channel, boolean enabled, String breakerState) {
        Map<String, Long> codes = new HashMap<>();
        long[] totals = totals(channel, codes);
        double p50 = 0;
        double p99 = 0;
        for (ValueAtPercentile value : latency.get(channel).takeSnapshot().percentileValues()) {
            if (value.percentile() == 0.5) {
                p50 = value.value(TimeUnit.MILLISECONDS);
            } else if (value.percentile() == 0.99) {
                p99 = value.value(TimeUnit.MILLISECONDS);
            }
        }
        List<ChannelHealthDTO.CodeCount> top = new ArrayList<>();
        codes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).limit(10)
                .forEach(e -> top.add(new ChannelHealthDTO.CodeCount(e.getKey(), e.getValue())));
        return new ChannelHealthDTO(channel, enabled, totals[1], totals[1] == 0 ? 1.0 : (double) totals[0] / totals[1], p50, p99,
                breakerState, WINDOW.toSeconds(), top);
    }

    private long[] totals(ChannelCode channel, Map<String, Long> codes) {
        long minute = clock.millis() / 60_000;
        long answered = 0;
        long all = 0;
        for (Bucket bucket : windows.get(channel)) {
            synchronized (bucket) {
                if (minute - bucket.minute < BUCKETS) {
                    answered += bucket.answered;
                    all += bucket.all;
                    bucket.codes.forEach((code, n) -> codes.merge(code, n, Long::sum));
                }
            }
        }
        return new long[] {answered, all};
    }

    private Bucket bucket(ChannelCode channel) {
        long minute = clock.millis() / 60_000;
        Bucket bucket = windows.get(channel)[(int) (minute % BUCKETS)];
        synchronized (bucket) {
            if (bucket.minute != minute) {
                bucket.minute = minute;
                bucket.answered = 0;
                bucket.all = 0;
                bucket.codes.clear();
            }
        }
        return bucket;
    }

    private static final class Bucket {
        long minute = -1;
        long answered;
        long all;
        final Map<String, Long> codes = new HashMap<>();

        synchronized void add(boolean wasAnswered, String code) {
            all++;
            if (wasAnswered) {
                answered++;
            }
            codes.merge(code, 1L, Long::sum);
        }
    }
}
