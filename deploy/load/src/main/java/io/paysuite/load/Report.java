package io.paysuite.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The run as Markdown: the machine, the baseline, then one row per step and one CPU line per step. */
public final class Report {

    private Report() {
    }

    public static String markdown(BenchArgs args, List<StepResult> baseline, List<StepResult> steps) {
        return markdown(args, Background.NONE, baseline, steps);
    }

    /**
     * With the idle suite's cost: a "background" table (CPU ms per second by process, statements per second) and
     * two last columns per step, its CPU and statements per operation net of that background.
     */
    public static String markdown(BenchArgs args, Background background, List<StepResult> baseline, List<StepResult> steps) {
        StringBuilder out = new StringBuilder();
        out.append("### bin/bench ").append(args.label().isBlank() ? "" : "(" + args.label() + ") ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n")
                .append("machine: ").append(machine()).append("; ")
                .append(args.rate() != null ? "open loop at " + args.rate() + "/s" : "closed loops")
                .append(", ").append(args.warmup().toSeconds()).append(" s warm-up + ").append(args.duration().toSeconds())
                .append(" s measured per step, amount ").append(args.amount())
                .append(args.jitWarmup().isZero() ? ", no JIT warm-up"
                        : ", after " + args.jitWarmup().toSeconds() + " s unmeasured JIT warm-up per scenario at its highest load")
                .append("\n\n");
        if (background.measured()) {
            out.append("| background (idle suite) | seconds | CPU ms/s (suite) | DB statements/s |\n|---|---|---|---|\n")
                    .append(String.format(Locale.ROOT, "| background | %.1f | %.1f | %s |%n", background.seconds(),
                            background.cpuMsPerSecondTotal(), number(background.statementsPerSecond())))
                    .append("\nbackground CPU ms/s by process: ").append(byProcess(background.cpuMsPerSecond())).append("\n\n");
        }
        if (!baseline.isEmpty()) {
            out.append("| baseline | per second | p50 ms | p99 ms | CPU ms per op (all processes) |\n|---|---|---|---|---|\n");
            for (StepResult b : baseline) {
                out.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.3f |%n", b.name(), b.perSecond(), b.p50Ms(),
                        b.p99Ms(), b.cpuMsPerOpTotal()));
            }
            out.append('\n');
        }
        out.append("| step | ops | per second | p50 ms | p99 ms | p99.9 ms | max ms | errors | CPU ms/op (suite) | CPU ms/op (suite less the channel sandbox) | DB statements/op | DB writes/op | DB commits/op | CPU ms/op net of background | DB statements/op net of background |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (StepResult s : steps) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %.1f | %.1f | %s | %s | %s | %s | %s |%n",
                    s.name(), s.operations(), s.perSecond(), s.p50Ms(), s.p99Ms(), s.p999Ms(), s.maxMs(), errors(s.errors()),
                    s.cpuMsPerOpTotal(), s.cpuMsPerOpOwn(), db(s, "statements"), db(s, "writes"), db(s, "commits"),
                    number(background.cpuMsPerOpNet(s)), number(background.statementsPerOpNet(s))));
        }
        out.append("\nCPU ms per operation by process:\n\n");
        for (StepResult s : steps) {
            out.append("- ").append(s.name()).append(": ").append(byProcess(s.cpuMsPerOp())).append('\n');
        }
        return out.toString();
    }

    private static String byProcess(Map<String, Double> cpu) {
        return cpu.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 0.05)
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    public static void append(Path file, String markdown) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, markdown + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    static String errors(Map<String, Long> errors) {
        return errors.isEmpty() ? "0" : errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String db(StepResult s, String key) {
        Double v = s.databasePerOp().get(key);
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String machine() {
        String model = "unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(model);
        } catch (IOException ignored) {
            // not Linux: the model stays unknown
        }
        long memoryGiB = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        return Runtime.getRuntime().availableProcessors() + " cores (" + model + "), " + memoryGiB + " GiB, Java "
                + Runtime.version();
    }
}
