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
                "Com_select", 1000L, "Com_commit", 1200L, "Handler_commit", 2000L, "Com_stmt_prepare", 50L);

        StepResult r = StepResult.of("barcode c=8", window, Map.of("pay-core", 1000L, "bench (this tool)", 0L,
                        ProcessCpu.JIT, 100L),
                Map.of("pay-core", 3000L, "trade-core", 1000L, "bench (this tool)", 5000L, ProcessCpu.JIT, 600L), db);

        assertThat(r.operations()).isEqualTo(100);
        assertThat(r.perSecond()).isEqualTo(10.0);
        assertThat(r.cpuMsPerOp()).containsEntry("pay-core", 20.0).containsEntry("trade-core", 10.0)
                .containsEntry("bench (this tool)", 50.0).containsEntry(ProcessCpu.JIT, 5.0);
        assertThat(r.cpuMsPerOpTotal()).as("the JIT threads are inside the processes' figures: not counted twice").isEqualTo(30.0);
        assertThat(r.databasePerOp()).containsEntry("statements", 37.0).containsEntry("writes", 18.0).containsEntry("commits", 12.0)
                .containsEntry("prepares", 0.5);
        assertThat(r.errors()).containsExactly(Map.entry("SYSTEM_ERROR", 10L));
        assertThat(r.p50Ms()).isBetween(9.9, 10.1);
        assertThat(r.p99Ms()).isBetween(990.0, 1010.0);

        String md = Report.markdown(BenchArgs.parse("--label=before"), List.of(), List.of(r));
        assertThat(md).contains("(before)").contains("| barcode c=8 | 100 | 10.0 |").contains("SYSTEM_ERROR 10")
                .contains("pay-core 20.0, trade-core 10.0");
    }

    @Test
    void paysuitesOwnCpuLeavesOutTheChannelSandboxWhichStandsInForTheChannels() {
        Tally tally = new Tally();
        for (int i = 0; i < 10; i++) {
            tally.record(Tally.OK, 10_000_000);
        }
        StepResult r = StepResult.of("barcode c=1", new LoadLoop.Window(tally, 1_000_000_000L),
                Map.of("pay-core", 0L, "channel-sandbox", 0L),
                Map.of("pay-core", 300L, "channel-sandbox", 100L, "mariadbd", 50L, "bench (this tool)", 70L), null);

        assertThat(r.cpuMsPerOpTotal()).isEqualTo(45.0);
        assertThat(r.cpuMsPerOpOwn()).as("the suite less the sandbox (Alipay's, WeChat Pay's and the banks' side)").isEqualTo(35.0);
        assertThat(Report.markdown(BenchArgs.parse("--label=x"), List.of(), List.of(r)))
                .contains("CPU ms/op (suite less the channel sandbox)").contains("| 45.0 | 35.0 |");
    }

    @Test
    void theDatabaseDeltaLeavesOutTheToolsOwnStatusQuery() {
        Map<String, Long> delta = DatabaseCounters.delta(Map.of("Questions", 10L, "Com_commit", 1L),
                Map.of("Questions", 21L, "Com_commit", 4L));

        assertThat(delta).containsEntry("Questions", 10L).containsEntry("Com_commit", 3L).containsEntry("Com_insert", 0L);
    }

    @Test
    void aStepIsAlsoShownNetOfWhatTheIdleSuiteCostsInTheSameTime() {
        // idle: 600 ms of suite CPU and 300 statements over 10 s = 60 ms/s and 30 statements/s; the tool's own left out
        Background idle = Background.of(10.0, Map.of("trade-core", 1000L, "bench (this tool)", 0L),
                Map.of("trade-core", 1400L, "pay-core", 200L, "bench (this tool)", 900L), Map.of("Questions", 300L));
        Tally tally = new Tally();
        for (int i = 0; i < 20; i++) {
            tally.record(Tally.OK, 50_000_000);
        }
        // 20 payments in 10 s (2/s) costing 100 ms of CPU and 40 statements each, background included
        StepResult step = StepResult.of("barcode c=1", new LoadLoop.Window(tally, 10_000_000_000L), Map.of("pay-core", 0L),
                Map.of("pay-core", 2000L), Map.of("Questions", 800L, "Com_insert", 0L, "Com_update", 0L, "Com_delete", 0L,
                        "Com_commit", 0L, "Handler_commit", 0L));

        assertThat(idle.cpuMsPerSecondTotal()).isEqualTo(60.0);
        assertThat(idle.statementsPerSecond()).isEqualTo(30.0);
        assertThat(idle.cpuMsPerOpNet(step)).as("100 ms/op less 60 ms/s x 10 s / 20 ops").isEqualTo(70.0);
        assertThat(idle.statementsPerOpNet(step)).as("40/op less 30/s x 10 s / 20 ops").isEqualTo(25.0);

        String md = Report.markdown(BenchArgs.parse(), idle, List.of(), List.of(step));
        assertThat(md).contains("| background | 10.0 | 60.0 | 30.0 |")
                .contains("background CPU ms/s by process: bench (this tool) 90.0, trade-core 40.0, pay-core 20.0")
                .contains("| barcode c=1 | 20 | 2.0 |").contains("| 100.0 | 40.0 | 0.0 | 0.0 | 70.0 | 25.0 |");
    }

    @Test
    void withoutABackgroundTheNetColumnsStayEmpty() {
        Tally tally = new Tally();
        tally.record(Tally.OK, 1_000_000);
        StepResult step = StepResult.of("create c=1", new LoadLoop.Window(tally, 1_000_000_000L), Map.of(), Map.of(), null);

        assertThat(Report.markdown(BenchArgs.parse("--background=0s"), List.of(), List.of(step))).contains("| – | – |")
                .doesNotContain("| background |");
    }
}
