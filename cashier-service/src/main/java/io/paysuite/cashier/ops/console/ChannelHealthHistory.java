package io.paysuite.cashier.ops.console;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The channels' health minute by minute, so the dashboard can draw success rate and p50/p99 over the last hour and the
 * last day: channel-gateway only knows its rolling five-minute window, so each sample is that window as read at one
 * minute (a smoothed figure, not the minute's own calls). Kept in this cashier's memory for {@code keep} (a day):
 * enough for the dashboard without a metrics store; a restarted cashier starts an empty history, and two cashiers
 * hold the same figures since both read the one gateway.
 */
public final class ChannelHealthHistory {

    /** One channel's health window as read in {@code minute} (UTC, whole minute). */
    public record Sample(Instant minute, String channel, long calls, double successRate, double p50Ms, double p99Ms) {
    }

    private final Duration keep;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private Instant lastMinute;

    public ChannelHealthHistory(Duration keep) {
        this.keep = keep;
    }

    /** The readings taken at {@code at}; a second reading in the same minute is dropped (one sample a minute). */
    public synchronized void record(List<ChannelAlarms.Reading> readings, Instant at) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        if (minute.equals(lastMinute)) {
            return;
        }
        lastMinute = minute;
        for (ChannelAlarms.Reading r : readings) {
            samples.addLast(new Sample(minute, r.channel(), r.calls(), r.successRate(), r.p50Ms(), r.p99Ms()));
        }
        Instant oldest = minute.minus(keep);
        while (!samples.isEmpty() && samples.peekFirst().minute().isBefore(oldest)) {
            samples.removeFirst();
        }
    }

    /** Samples from {@code since} on, oldest first. */
    public synchronized List<Sample> since(Instant since) {
        return samples.stream().filter(s -> !s.minute().isBefore(since)).toList();
    }
}
