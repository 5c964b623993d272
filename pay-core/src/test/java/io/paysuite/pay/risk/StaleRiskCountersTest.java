package io.paysuite.pay.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StaleRiskCountersTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    /** Buckets by the instant they were last counted. */
    static final class Buckets implements RiskCounters {
        final TreeMap<Instant, Integer> byUpdate = new TreeMap<>();
        final List<Instant> cutoffs = new ArrayList<>();

        @Override
        public List<RiskTallies.Tally> read(RiskTallies.Buckets buckets) {
            return List.of();
        }

        @Override
        public void add(List<RiskTallies.Tally> increments) {
        }

        @Override
        public int removeUpdatedBefore(Instant updatedBefore, int limit) {
            cutoffs.add(updatedBefore);
            int removed = 0;
            while (removed < limit && !byUpdate.isEmpty() && byUpdate.firstKey().isBefore(updatedBefore)) {
                byUpdate.pollFirstEntry();
                removed++;
            }
            return removed;
        }
    }

    final Buckets buckets = new Buckets();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void bucketsLastCountedBeforeTheRetentionGoAndTodaysStay() {
        for (int hours = 1; hours <= 100; hours++) {
            buckets.byUpdate.put(NOW.minus(Duration.ofHours(hours)), 1);
        }
        StaleRiskCounters stale = new StaleRiskCounters(buckets, clock, Duration.ofDays(2), 10, 100);

        assertThat(stale.sweep()).isEqualTo(52); // 49..100 hours ago
        assertThat(buckets.byUpdate.firstKey()).isEqualTo(NOW.minus(Duration.ofHours(48)));
        assertThat(buckets.cutoffs).containsOnly(NOW.minus(Duration.ofDays(2)));
        assertThat(buckets.cutoffs).as("five full batches and a short one").hasSize(6);
    }

    @Test
    void oneRunStopsAfterItsBatchesAndTheNextGoesOn() {
        for (int minutes = 0; minutes < 50; minutes++) {
            buckets.byUpdate.put(NOW.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(minutes)), 1);
        }
        StaleRiskCounters stale = new StaleRiskCounters(buckets, clock, Duration.ofDays(2), 10, 3);

        assertThat(stale.sweep()).isEqualTo(30);
        assertThat(stale.sweep()).isEqualTo(20);
        assertThat(stale.sweep()).isZero();
    }

    @Test
    void aRetentionShorterThanTheLongestWindowIsRefused() {
        assertThatThrownBy(() -> new StaleRiskCounters(buckets, clock, Duration.ofHours(23), 10, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
