package io.paysuite.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepResultTest {

    @Test
    void costsAreDividedByTheOperationsOfTheWindowAndTheToolsOwnCpuIsLeftOutOfTheSuitesTotal() {
        Tally tally = new Tally();
        for (int i = 0; i < 90; i++) {
            tally.record(Tally.OK, 10_000_000);
        }
        for (int i = 0; i < 10; i++) {
            tally.record("SYSTEM_ERROR", 1_000_000_000);
        }
        LoadLoop.Window window = new LoadLoop.Window(tally, 10_000_000_000L);
        Map<String, Long> db = Map.of("Questions", 3700L, "Com_insert", 900L, "Com_update", 800L, "Com_delete", 100L,
                "Com_select", 1000L, "Com_commit", 1200L, "Handler_commit", 2000L);

        StepResult r = StepResult.of("barcode c=8", window, Map.of("pay-core", 1000L, "bench (this tool)", 0L),
                Map.of("pay-core", 3000L, "trade-core", 1000L, "bench (this tool)", 5000L), db);

        assertThat(r.operations()).isEqualTo(100);
        assertThat(r.perSecond()).isEqualTo(10.0);
        assertThat(r.cpuMsPerOp()).containsEntry("pay-core", 20.0).containsEntry("trade-core", 10.0)
                .containsEntry("bench (this tool)", 50.0);
        assertThat(r.cpuMsPerOpTotal()).isEqualTo(30.0);
        assertThat(r.databasePerOp()).containsEntry("statements", 37.0).containsEntry("writes", 18.0).containsEntry("commits", 12.0);
        assertThat(r.errors()).containsExactly(Map.entry("SYSTEM_ERROR", 10L));
        assertThat(r.p50Ms()).isBetween(9.9, 10.1);
        assertThat(r.p99Ms()).isBetween(990.0, 1010.0);

        String md = Report.markdown(BenchArgs.parse("--label=before"), List.of(), List.of(r));
        assertThat(md).contains("(before)").contains("| barcode c=8 | 100 | 10.0 |").contains("SYSTEM_ERROR 10")
                .contains("pay-core 20.0, trade-core 10.0");
    }

    @Test
    void theDatabaseDeltaLeavesOutTheToolsOwnStatusQuery() {
        Map<String, Long> delta = DatabaseCounters.delta(Map.of("Questions", 10L, "Com_commit", 1L),
                Map.of("Questions", 21L, "Com_commit", 4L));

        assertThat(delta).containsEntry("Questions", 10L).containsEntry("Com_commit", 3L).containsEntry("Com_insert", 0L);
    }
}
