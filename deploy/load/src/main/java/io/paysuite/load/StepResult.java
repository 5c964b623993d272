package io.paysuite.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One line of the report: a step's throughput, latency percentiles, errors by code, and its cost per operation —
 * CPU milliseconds of every process (and their sum) and the database's statements, writes and commits.
 */
public record StepResult(String name, long operations, double perSecond, double p50Ms, double p99Ms, double p999Ms,
                         double maxMs, Map<String, Long> errors, Map<String, Double> cpuMsPerOp, double cpuMsPerOpTotal,
                         Map<String, Double> databasePerOp) {

    static StepResult of(String name, LoadLoop.Window window, Map<String, Long> cpuBefore, Map<String, Long> cpuAfter,
                         Map<String, Long> dbDelta) {
        Histogram h = window.tally().histogram();
        long operations = h.getTotalCount();
        Map<String, Double> cpu = new TreeMap<>();
        double total = 0;
        for (Map.Entry<String, Long> after : cpuAfter.entrySet()) {
            long used = after.getValue() - cpuBefore.getOrDefault(after.getKey(), 0L);
            if (used > 0 && operations > 0) {
                double perOp = (double) used / operations;
                cpu.put(after.getKey(), perOp);
                if (!after.getKey().equals(ProcessCpu.TOOL) && !after.getKey().equals(ProcessCpu.JIT)) {
                    total += perOp;
                }
            }
        }
        Map<String, Double> db = new LinkedHashMap<>();
        if (dbDelta != null && operations > 0) {
            db.put("statements", (double) dbDelta.get("Questions") / operations);
            db.put("writes", (double) (dbDelta.get("Com_insert") + dbDelta.get("Com_update") + dbDelta.get("Com_delete")) / operations);
            db.put("commits", (double) dbDelta.get("Com_commit") / operations);
            db.put("engine commits", (double) dbDelta.get("Handler_commit") / operations);
            db.put("prepares", (double) dbDelta.getOrDefault("Com_stmt_prepare", 0L) / operations);
        }
        return new StepResult(name, operations, window.perSecond(), ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
                window.tally().errors(), cpu, total, db);
    }

    /**
     * The suite's CPU per operation less the channel sandbox's: what Paysuite's own processes (services, broker, name
     * server, database) spent. The sandbox stands in for Alipay, WeChat Pay and the banks, whose signatures and answers
     * run on their machines in production, not on the payment platform's.
     */
    public double cpuMsPerOpOwn() {
        return cpuMsPerOpTotal - cpuMsPerOp.getOrDefault(CHANNEL_SANDBOX, 0.0);
    }

    /** The sandbox's label: its {@code -Dpaysuite.instance} name ({@link ProcessCpu}). */
    static final String CHANNEL_SANDBOX = "channel-sandbox";

    private static double ms(long nanos) {
        return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }
}
