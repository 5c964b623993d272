package io.paysuite.pay.risk;

import java.util.List;

/**
 * The velocity and daily counters, shared by every pay-core instance (a table of bucketed rows). Each
 * method is ONE statement: {@link #read} selects the payment's rows ({@link RiskTallies#buckets}),
 * {@link #add} upserts its increments, {@link #removeUpdatedBefore} deletes one batch of stale buckets.
 */
public interface RiskCounters {

    List<RiskTallies.Tally> read(RiskTallies.Buckets buckets);

    void add(List<RiskTallies.Tally> increments);

    /** Deletes at most {@code limit} buckets last counted before {@code updatedBefore}; answers how many it deleted. */
    int removeUpdatedBefore(java.time.Instant updatedBefore, int limit);
}
