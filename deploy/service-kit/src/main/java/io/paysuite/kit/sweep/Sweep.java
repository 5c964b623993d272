package io.paysuite.kit.sweep;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kind of in-flight work that a lost timer or a lost message would otherwise leave where it is:
 * find what has been in flight longer than its schedule allows, and hand each key to the same code
 * path the timer or the consumer would have run.
 *
 * <p>Safe on several instances at once, without a claim: the find only reads, and every re-drive it
 * calls is one the timers and consumers already call concurrently and repeatedly (at-least-once
 * delivery) — a compare-and-set from the state it reads, or a call keyed by the business number
 * that answers the first result. Two instances re-driving the same row therefore do what one
 * duplicate message would: the second finds the state already moved. {@code age} is set well past
 * the timers' own schedule, so a sweep normally finds nothing and only picks up what was lost.
 *
 * @param <K> what identifies one row (an order number, an event id)
 */
public final class Sweep<K> {

    /** Micrometer counter of rows found in flight too long, tagged {@code sweep}. */
    public static final String FOUND_METER = "paysuite.sweep.found";
    /** Micrometer counter of finds and re-drives that threw, tagged {@code sweep}. */
    public static final String FAILED_METER = "paysuite.sweep.failed";

    private static final Logger log = LoggerFactory.getLogger(Sweep.class);

    /**
     * @param name  what is swept, for the log and the {@code sweep} tag
     * @param age   how long a row may be in flight before the sweep re-drives it
     * @param batch at most this many rows a round; the rest wait for the next
     */
    public record Plan(String name, Duration age, int batch) {

        public Plan {
            if (name == null || name.isBlank() || age == null || age.isNegative() || age.isZero() || batch < 1) {
                throw new IllegalArgumentException("a sweep needs a name, a positive age and a positive batch");
            }
        }
    }

    /** Reads (never claims) the keys of rows in flight since before {@code before}, oldest first. */
    @FunctionalInterface
    public interface Finder<K> {
        List<K> inFlightSince(Instant before, int limit);
    }

    /** The existing, idempotent path that moves one row on; may throw (the row is found again next round). */
    @FunctionalInterface
    public interface Redrive<K> {
        void redrive(K key);
    }

    /** What one round did: rows found, and finds or re-drives that threw. */
    public record Report(String sweep, int found, int failed) {
    }

    private final Plan plan;
    private final Finder<K> finder;
    private final Redrive<K> redrive;
    private final Clock clock;
    private final Counter found;
    private final Counter failed;

    public Sweep(Plan plan, Finder<K> finder, Redrive<K> redrive, Clock clock, MeterRegistry meters) {
        this.plan = plan;
        this.finder = finder;
        this.redrive = redrive;
        this.clock = clock;
        this.found = Counter.builder(FOUND_METER).tag("sweep", plan.name())
                .description("rows found in flight longer than their schedule allows, re-driven").register(meters);
        this.failed = Counter.builder(FAILED_METER).tag("sweep", plan.name())
                .description("sweep finds and re-drives that threw").register(meters);
    }

    public Plan plan() {
        return plan;
    }

    /** One round; never throws. */
    public Report run() {
        List<K> keys;
        try {
            keys = finder.inFlightSince(clock.instant().minus(plan.age()), plan.batch());
        } catch (RuntimeException e) {
            failed.increment();
            log.warn("sweep of {}: find failed, tried again next round: {}", plan.name(), e.toString());
            return new Report(plan.name(), 0, 1);
        }
        found.increment(keys.size());
        int failures = 0;
        for (K key : keys) {
            try {
                redrive.redrive(key);
            } catch (RuntimeException e) {
                failures++;
                failed.increment();
                log.warn("sweep of {}: re-drive of {} failed, found again next round: {}", plan.name(), key, e.toString());
            }
        }
        if (!keys.isEmpty()) {
            // normally the timers and consumers leave nothing this old: each one found was lost on the way
            log.warn("sweep of {} re-drove {} in flight longer than {} ({} failed)", plan.name(), keys.size(), plan.age(),
                    failures);
        }
        return new Report(plan.name(), keys.size(), failures);
    }
}
