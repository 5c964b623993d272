package io.paysuite.kit.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SweepTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aSweepAsksForWhatIsOlderThanItsAgeAndRedrivesEachThroughTheGivenPath() {
        AtomicReference<Instant> askedBefore = new AtomicReference<>();
        List<String> redriven = new ArrayList<>();
        Sweep<String> sweep = new Sweep<>(new Sweep.Plan("pay orders", Duration.ofMinutes(5), 50),
                (before, limit) -> {
                    askedBefore.set(before);
                    return List.of("P1", "P2");
                }, redriven::add, clock, meters);

        Sweep.Report report = sweep.run();

        assertThat(askedBefore.get()).isEqualTo(Instant.parse("2026-12-06T11:55:00Z"));
        assertThat(redriven).containsExactly("P1", "P2");
        assertThat(report).isEqualTo(new Sweep.Report("pay orders", 2, 0));
        assertThat(meters.counter(Sweep.FOUND_METER, "sweep", "pay orders").count()).isEqualTo(2.0);
    }

    @Test
    void oneRowThatCannotBeRedrivenDoesNotStopTheOthers() {
        List<String> redriven = new ArrayList<>();
        Sweep<String> sweep = new Sweep<>(new Sweep.Plan("refunds", Duration.ofMinutes(5), 50),
                (before, limit) -> List.of("R1", "R2", "R3"), key -> {
                    if (key.equals("R2")) {
                        throw new IllegalStateException("ledger not answering");
                    }
                    redriven.add(key);
                }, clock, meters);

        Sweep.Report report = sweep.run();

        assertThat(redriven).containsExactly("R1", "R3");
        assertThat(report).isEqualTo(new Sweep.Report("refunds", 3, 1));
        assertThat(meters.counter(Sweep.FAILED_METER, "sweep", "refunds").count()).isEqualTo(1.0);
    }

    @Test
    void aFindThatFailsIsReportedAndTriedAgainNextTime() {
        Sweep<String> sweep = new Sweep<>(new Sweep.Plan("trades", Duration.ofMinutes(5), 50),
                (before, limit) -> {
                    throw new IllegalStateException("database down");
                }, key -> { }, clock, meters);

        assertThat(sweep.run()).isEqualTo(new Sweep.Report("trades", 0, 1));
    }

    @Test
    void aJanitorRunsEverySweepOnceARound() {
        List<String> ran = new ArrayList<>();
        Janitor janitor = new Janitor("test", Duration.ofMinutes(1), List.of(
                new Sweep<>(new Sweep.Plan("a", Duration.ofMinutes(5), 10), (b, l) -> List.of("x"), k -> ran.add("a:" + k), clock, meters),
                new Sweep<>(new Sweep.Plan("b", Duration.ofMinutes(5), 10), (b, l) -> List.of("y"), k -> ran.add("b:" + k), clock, meters)));

        List<Sweep.Report> reports = janitor.sweepOnce();

        assertThat(ran).containsExactly("a:x", "b:y");
        assertThat(reports).extracting(Sweep.Report::found).containsExactly(1, 1);
    }
}
