package io.paysuite.kit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentlyKeptTest {

    Instant now = Instant.parse("2026-12-07T23:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void keepsForTheRetentionOnly() {
        RecentlyKept<String, Integer> kept = new RecentlyKept<>(10, Duration.ofSeconds(30), clock);
        kept.put("a", 1);
        now = now.plusSeconds(30);
        assertThat(kept.get("a")).contains(1);
        now = now.plusMillis(1);
        assertThat(kept.get("a")).isEmpty();
    }

    @Test
    void forgetsTheOldestBeyondItsCapacityAndWhatAged() {
        RecentlyKept<String, Integer> kept = new RecentlyKept<>(2, Duration.ofSeconds(30), clock);
        kept.put("a", 1);
        kept.put("b", 2);
        kept.put("a", 3); // put again: the young end
        kept.put("c", 4);
        assertThat(kept.get("b")).isEmpty();
        assertThat(kept.get("a")).contains(3);
        now = now.plusSeconds(31);
        kept.put("d", 5);
        assertThat(kept.size()).isEqualTo(1);
    }

    @Test
    void aChosenOldValueKeepsItsTime() {
        RecentlyKept<String, Integer> kept = new RecentlyKept<>(10, Duration.ofSeconds(30), clock);
        kept.put("a", 7);
        now = now.plusSeconds(20);
        kept.put("a", 1, Math::max);
        now = now.plusSeconds(11);
        assertThat(kept.get("a")).as("7 kept, with its first time").isEmpty();
    }

    @Test
    void zeroKeepsNothingAndNegativeIsRefused() {
        RecentlyKept<String, Integer> none = new RecentlyKept<>(0, Duration.ofSeconds(30), clock);
        none.put("a", 1);
        assertThat(none.get("a")).isEmpty();
        assertThat(new RecentlyKept<String, Integer>(5, Duration.ZERO, clock).keeps()).isFalse();
        assertThatThrownBy(() -> new RecentlyKept<String, Integer>(-1, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
