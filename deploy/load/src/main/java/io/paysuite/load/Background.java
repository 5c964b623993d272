package io.paysuite.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the suite costs with no traffic at all — janitors, consumers' long polls, timers, heartbeats — measured
 * before any step, so that a step's cost per operation can be read net of it: a step of {@code t} seconds and
 * {@code n} operations carries {@code background × t} of idle cost, {@code background / throughput} per operation.
 * Without it, a slow step (few operations in the same time) looks dearer per operation than it is.
 *
 * @param seconds              how long the idle suite was watched
 * @param cpuMsPerSecond       CPU milliseconds per second by process (the tool's own included, as in the steps)
 * @param cpuMsPerSecondTotal  the suite's sum, the tool left out
 * @param statementsPerSecond  the database's statements per second, or null without the database's counters
 */
public record Background(double seconds, Map<String, Double> cpuMsPerSecond, double cpuMsPerSecondTotal,
                         Double statementsPerSecond) {

    /** Not measured ({@code --background=0s}): nothing is taken off. */
    static final Background NONE = new Background(0, Map.of(), 0, null);

    public Background {
        cpuMsPerSecond = Map.copyOf(cpuMsPerSecond);
    }

    /** Watches the idle suite for {@code window}: a measurement, so it waits the whole window on purpose. */
    static Background measure(DatabaseCounters db, Duration window) throws InterruptedException {
        Baseline.Snapshots marks = new Baseline.Snapshots(db);
        long start = System.nanoTime();
        marks.start();
        Thread.sleep(window.toMillis());
        marks.end();
        return of((System.nanoTime() - start) / 1e9, marks.cpuBefore, marks.cpuAfter, marks.dbDelta());
    }

    static Background of(double seconds, Map<String, Long> cpuBefore, Map<String, Long> cpuAfter, Map<String, Long> dbDelta) {
        Map<String, Double> cpu = new TreeMap<>();
        double total = 0;
        for (Map.Entry<String, Long> after : cpuAfter.entrySet()) {
            long used = after.getValue() - cpuBefore.getOrDefault(after.getKey(), 0L);
            if (used > 0) {
                cpu.put(after.getKey(), used / seconds);
                if (!after.getKey().equals(ProcessCpu.TOOL) && !after.getKey().equals(ProcessCpu.JIT)) {
                    total += used / seconds;
                }
            }
        }
        Double statements = dbDelta == null ? null : dbDelta.get("Questions") / seconds;
        return new Background(seconds, cpu, total, statements);
    }

    boolean measured() {
        return seconds > 0;
    }

    /** The step's suite CPU per operation less the idle suite's share of the step's time. */
    Double cpuMsPerOpNet(StepResult step) {
        return measured() && step.perSecond() > 0 ? step.cpuMsPerOpTotal() - cpuMsPerSecondTotal / step.perSecond() : null;
    }

    /** The step's statements per operation less the idle suite's share of the step's time. */
    Double statementsPerOpNet(StepResult step) {
        Double perOp = step.databasePerOp().get("statements");
        return measured() && statementsPerSecond != null && perOp != null && step.perSecond() > 0
                ? perOp - statementsPerSecond / step.perSecond() : null;
    }
}
