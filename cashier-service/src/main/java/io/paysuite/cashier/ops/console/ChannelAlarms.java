package io.paysuite.cashier.ops.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's channel alarms (the monitoring item of the console): a success-rate drop — below the floor, or
 * {@code dropPoints} under the channel's own baseline — and slow responses (p50 or p99 above their limits), from
 * channel-gateway's five-minute health window.
 *
 * <p>The baseline is an exponentially weighted mean of the success rates this instance has seen, updated at most once
 * a minute with weight 1/30 (about half an hour of memory): enough to tell "worse than usual" from "always like this"
 * without a metrics store. It lives in memory, so after a restart only the floor alarms until the baseline has been
 * seeded by the first reading.
 */
public class ChannelAlarms {

    public enum Kind { SUCCESS_RATE_LOW, SUCCESS_RATE_DROP, P50_SLOW, P99_SLOW }

    public record Reading(String channel, long calls, double successRate, double p50Ms, double p99Ms) {
    }

    public record Alarm(String channel, Kind kind, double value, double threshold) {
    }

    private record Baseline(double rate, long updatedAtMillis) {
    }

    private static final long UPDATE_EVERY_MILLIS = 60_000;
    private static final double WEIGHT = 1.0 / 30;

    private final ConsoleAlarmProperties limits;
    private final Map<String, Baseline> baselines = new ConcurrentHashMap<>();

    public ChannelAlarms(ConsoleAlarmProperties limits) {
        this.limits = limits;
    }

    /** The alarms of these readings taken at {@code nowMillis}; the readings then feed the baselines. */
    public List<Alarm> check(List<Reading> readings, long nowMillis) {
        List<Alarm> alarms = new ArrayList<>();
        for (Reading r : readings) {
            if (r.calls() < limits.minCalls()) {
                continue;
            }
            if (r.successRate() < limits.successRateFloor()) {
                alarms.add(new Alarm(r.channel(), Kind.SUCCESS_RATE_LOW, r.successRate(), limits.successRateFloor()));
            }
            Baseline baseline = baselines.get(r.channel());
            if (baseline != null && r.successRate() < baseline.rate() - limits.dropPoints()) {
                alarms.add(new Alarm(r.channel(), Kind.SUCCESS_RATE_DROP, r.successRate(), baseline.rate() - limits.dropPoints()));
            }
            if (r.p50Ms() > limits.p50Millis()) {
                alarms.add(new Alarm(r.channel(), Kind.P50_SLOW, r.p50Ms(), limits.p50Millis()));
            }
            if (r.p99Ms() > limits.p99Millis()) {
                alarms.add(new Alarm(r.channel(), Kind.P99_SLOW, r.p99Ms(), limits.p99Millis()));
            }
            learn(r, nowMillis, baseline);
        }
        return alarms;
    }

    private void learn(Reading r, long nowMillis, Baseline baseline) {
        if (baseline == null) {
            baselines.put(r.channel(), new Baseline(r.successRate(), nowMillis));
        } else if (nowMillis - baseline.updatedAtMillis() >= UPDATE_EVERY_MILLIS) {
            baselines.put(r.channel(), new Baseline(baseline.rate() + WEIGHT * (r.successRate() - baseline.rate()), nowMillis));
        }
    }
}
