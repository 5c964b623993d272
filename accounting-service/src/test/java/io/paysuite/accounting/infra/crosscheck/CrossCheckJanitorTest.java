package io.paysuite.accounting.infra.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How often internal reconciliation's safety-net sweeps run. */
class CrossCheckJanitorTest {

    @Test
    void theSweepsRunEveryHalfOfTheShorterAgeTheyLookFor() {
        CrossCheckProperties defaults = new CrossCheckProperties(null, null, null, null, null, null, null, null, null, null, 0,
                null, 0, 0);

        assertThat(CrossCheckJanitor.every(defaults)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theSweepsNeverRunMoreOftenThanSweepEvery() {
        CrossCheckProperties quick = new CrossCheckProperties(null, null, null, null, null, null, Duration.ofSeconds(5),
                Duration.ofSeconds(4), null, Duration.ofSeconds(2), 0, null, 0, 0);

        assertThat(CrossCheckJanitor.every(quick)).isEqualTo(Duration.ofSeconds(5));
    }
}
