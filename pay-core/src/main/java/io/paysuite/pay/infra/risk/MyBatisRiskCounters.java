package io.paysuite.pay.infra.risk;

import io.paysuite.kit.sharding.ShardReads;
import io.paysuite.pay.risk.RiskCounters;
import io.paysuite.pay.risk.RiskTallies;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@link RiskCounters} over {@code risk_counter}: one SELECT to read, one multi-row upsert to add, batched deletes to sweep.
 * A single table (ds_0 only): each statement, in auto-commit, goes straight to ds_0's pool ({@link ShardReads#onSingleTable}).
 */
public class MyBatisRiskCounters implements RiskCounters {

    static final String TABLE = "risk_counter";

    private final RiskCounterMapper mapper;
    private final Clock clock;
    private final ShardReads shards;

    public MyBatisRiskCounters(RiskCounterMapper mapper, Clock clock) {
        this(mapper, clock, ShardReads.THROUGH_SHARDING);
    }

    public MyBatisRiskCounters(RiskCounterMapper mapper, Clock clock, ShardReads shards) {
        this.mapper = mapper;
        this.clock = clock;
        this.shards = shards;
    }

    @Override
    public List<RiskTallies.Tally> read(RiskTallies.Buckets buckets) {
        String like = buckets.cardPrefix() == null ? null : escapeLike(buckets.cardPrefix()) + "%";
        return shards.onSingleTable(TABLE, () -> mapper.read(buckets.keys(), buckets.buckets(), like, buckets.today())).stream()
                .map(row -> new RiskTallies.Tally(row.getCounterKey(), row.getBucket(), row.getCnt(), row.getSumMinor()))
                .toList();
    }

    @Override
    public void add(List<RiskTallies.Tally> increments) {
        if (!increments.isEmpty()) {
            List<RiskCounterDO> rows = increments.stream().map(MyBatisRiskCounters::row).toList();
            LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            shards.onSingleTable(TABLE, () -> mapper.add(rows, at));
        }
    }

    @Override
    public int removeUpdatedBefore(java.time.Instant updatedBefore, int limit) {
        LocalDateTime before = LocalDateTime.ofInstant(updatedBefore, ZoneOffset.UTC);
        return shards.onSingleTable(TABLE, () -> mapper.removeUpdatedBefore(before, limit));
    }

    private static RiskCounterDO row(RiskTallies.Tally tally) {
        RiskCounterDO row = new RiskCounterDO();
        row.setCounterKey(tally.key());
        row.setBucket(tally.bucket());
        row.setCnt(tally.count());
        row.setSumMinor(tally.sumMinor());
        return row;
    }

    /** A device id is the client's: its {@code %} and {@code _} must match themselves. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
