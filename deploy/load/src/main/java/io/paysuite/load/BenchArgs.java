package io.paysuite.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of {@code bin/bench}, as {@code --name=value} options (see {@link #USAGE}).
 *
 * @param rate open loop at this many operations per second instead of the closed loops; null: closed loops
 * @param jitWarmup unmeasured load per scenario before its first step, at its highest concurrency (or the rate): the
 *                  services' JIT compiles the scenario's paths first, so c=1 is not measured against the interpreter
 *                  and C1/C2 threads still busy (they took 13 % of a core five minutes after start-up)
 */
public record BenchArgs(
        List<Scenario> scenarios,
        List<Integer> concurrencies,
        Double rate,
        Duration duration,
        Duration warmup,
        Path runDir,
        URI baseUrl,
        String registry,
        String database,
        boolean baseline,
        Path report,
        long amount,
        String label,
        Duration background,
        Duration jitWarmup) {

    public static final String USAGE = """
            bin/bench [--name=value ...]   against a running suite (bin/run-local), from the directory it was started in
              --scenarios=barcode,create,balance   any of: create, barcode, query, refund, balance
              --concurrency=1,8,32                 closed loops: that many callers, each waiting for its answer
              --rate=50                            open loop instead: that many operations per second, whatever the answers take
              --duration=30s --warmup=10s          measured time per step, and unmeasured time before it
              --run-dir=.paysuite                  where the local run wrote the demo merchant, buyers and keys
              --base-url=https://127.0.0.1:8443    the cashier-service (open API)
              --registry=zookeeper://127.0.0.1:12181
              --database=jdbc:mysql://127.0.0.1:13306/?user=root   the suite's MariaDB, for statement counts and the baseline
              --baseline=true                      measure the database commit rate and a Dubbo echo rate first
              --background=10s                     watch the idle suite this long before anything else (0s: don't); every
                                                   step is also shown net of that idle cost
              --jit-warmup=60s                     per scenario, before its first step: unmeasured load at its highest
                                                   concurrency (or the rate) so the services' JIT has compiled its paths (0s: don't)
              --amount=1                           minor units per trade
              --report=docs/bench-run.md           also append the report to this file
              --label=before                       a name for this run in the report
              --shadow                             load traffic: marked requests that write only to the shadow databases,
                                                   notify nobody and reach only the sandbox channels (docs/operations.md)
            """;

    public static BenchArgs parse(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("not an option: " + arg + "\n" + USAGE);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : options.getOrDefault("scenarios", "barcode,create,balance").split(",")) {
            try {
                scenarios.add(Scenario.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown scenario " + name + "\n" + USAGE);
            }
        }
        List<Integer> concurrencies = new ArrayList<>();
        for (String n : options.getOrDefault("concurrency", "1,8,32").split(",")) {
            int c = Integer.parseInt(n.trim());
            if (c < 1 || c > 1024) {
                throw new IllegalArgumentException("concurrency must be 1–1024: " + n);
            }
            concurrencies.add(c);
        }
        Double rate = options.containsKey("rate") ? Double.valueOf(options.get("rate")) : null;
        if (rate != null && rate <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        long amount = Long.parseLong(options.getOrDefault("amount", "1"));
        if (amount < 1) {
            throw new IllegalArgumentException("amount must be at least 1");
        }
        BenchArgs parsed = new BenchArgs(List.copyOf(scenarios), List.copyOf(concurrencies), rate,
                duration(options.getOrDefault("duration", "30s")), duration(options.getOrDefault("warmup", "10s")),
                Path.of(options.getOrDefault("run-dir", ".paysuite")),
                URI.create(options.getOrDefault("base-url", "https://127.0.0.1:8443")),
                options.getOrDefault("registry", "zookeeper://127.0.0.1:12181"),
                options.getOrDefault("database", "jdbc:mysql://127.0.0.1:13306/?user=root"),
                Boolean.parseBoolean(options.getOrDefault("baseline", "true")),
                options.containsKey("report") ? Path.of(options.get("report")) : null,
                amount,
                options.getOrDefault("label", ""),
                duration(options.getOrDefault("background", "10s")),
                duration(options.getOrDefault("jit-warmup", "60s")));
        options.keySet().removeAll(List.of("scenarios", "concurrency", "rate", "duration", "warmup", "run-dir", "base-url",
                "registry", "database", "baseline", "report", "amount", "label", "background",
                "jit-warmup"));
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + options.keySet() + "\n" + USAGE);
        }
        return parsed;
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms}, or ISO-8601 ({@code PT30S}). */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt")) {
            return Duration.parse(text.trim());
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("a duration like 30s, 2m or 500ms: " + text);
        };
    }

    /** The steps of this run: every scenario at every concurrency, or every scenario at the one rate. */
    public List<String> stepNames() {
        List<String> names = new ArrayList<>();
        for (Scenario s : scenarios) {
            if (rate != null) {
                names.add(s.name().toLowerCase(Locale.ROOT) + " @ " + rate + "/s");
            } else {
                for (int c : concurrencies) {
                    names.add(s.name().toLowerCase(Locale.ROOT) + " c=" + c);
                }
            }
        }
        return names;
    }
}
