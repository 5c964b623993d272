package io.paysuite.accounting.infra.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the hot-account applier's next round is due. */
class ApplierPaceTest {

    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration IDLE_MAX = Duration.ofSeconds(5);

    @Test
    void anIdleApplierDoublesItsWaitAndThenPollsAtMostEveryIdleMax() {
        ApplierPace pace = new ApplierPace(INTERVAL, IDLE_MAX);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waits.add(pace.afterRound(0));
        }
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1600), Duration.ofMillis(3200), IDLE_MAX, IDLE_MAX, IDLE_MAX, IDLE_MAX, IDLE_MAX);
        // an hour idle: 720 polls at 5 s, not 18 000 at 200 ms
        for (int i = 0; i < 720; i++) {
            assertThat(pace.afterRound(0)).isLessThanOrEqualTo(IDLE_MAX);
        }
    }

    @Test
    void lineBufferedHereOrFoundByARoundBringsThePaceBackToTheApplyInterval() {
        ApplierPace pace = new ApplierPace(INTERVAL, IDLE_MAX);
        for (int i = 0; i < 10; i++) {
            pace.afterRound(0);
        }
        assertThat(pace.afterSignal()).isEqualTo(INTERVAL);
        assertThat(pace.afterRound(0)).isEqualTo(INTERVAL);
        assertThat(pace.afterRound(0)).isEqualTo(Duration.ofMillis(400));
        assertThat(pace.afterRound(3)).as("lines another instance left").isEqualTo(INTERVAL);
        assertThat(pace.afterRound(0)).isEqualTo(INTERVAL);
    }

    @Test
    void anIdleMaxBelowTheIntervalIsTheInterval() {
        ApplierPace pace = new ApplierPace(INTERVAL, Duration.ofMillis(50));
        pace.afterRound(0);
        assertThat(pace.afterRound(0)).isEqualTo(INTERVAL);
    }
}
