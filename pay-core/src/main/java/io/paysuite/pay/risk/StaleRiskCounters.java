package io.paysuite.pay.risk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sweeps the counter buckets no rule can read any more. The longest window is a calendar day ({@link RiskWindow#DAY}):
 * today's day bucket and this minute's bucket are counted today, so a bucket last counted more than a day ago is
 * outside every window. {@code retention} (at least a day) keeps a margin over that for zones and clocks; without
 * this sweep the table grows by a row per buyer, merchant, device and IP per minute for ever.
 *
 * <p>It deletes in batches (each one statement, short locks on the busy table) until a batch comes back short, and at
 * most {@code maxBatches} per run, so one run after a long outage cannot hold the database for minutes: the next run
 * goes on.
 */
public final class StaleRiskCounters {

    /** The longest window a rule can count over. */
    public static final Duration LONGEST_WINDOW = Duration.ofDays(1);

    private final RiskCounters counters;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;
    private final int maxBatches;

    public StaleRiskCounters(RiskCounters counters, Clock clock, Duration retention, int batchSize, int maxBatches) {
        if (retention.compareTo(LONGEST_WINDOW) < 0) {
            throw new IllegalArgumentException("counter retention " + retention + " is shorter than the longest window " + LONGEST_WINDOW);
        }
        if (batchSize < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("batch size and batches per run must be positive");
        }
        this.counters = counters;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = batchSize;
        this.maxBatches = maxBatches;
    }

    /** Deletes the buckets last counted before now − retention; answers how many went. */
    public long sweep() {
        Instant before = clock.instant().minus(retention);
        long removed = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            int gone = counters.removeUpdatedBefore(before, batchSize);
            removed += gone;
            if (gone < batchSize) {
                break;
            }
        }
        return removed;
    }
}
