package io.paysuite.pay.risk;

import java.util.List;

/**
 * The velocity and daily counters, shared by every pay-core instance (a table of bucketed rows). Each
 * method is ONE statement: {@link #read} selects the payment's rows ({@link RiskTallies#buckets}),
 * {@link #add} upserts its increments.
 */
public interface RiskCounters {

    List<RiskTallies.Tally> read(RiskTallies.Buckets buckets);

    void add(List<RiskTallies.Tally> increments);
}
