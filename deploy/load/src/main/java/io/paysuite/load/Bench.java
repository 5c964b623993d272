package io.paysuite.load;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.pay.PayService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;

/**
 * {@code bin/bench}: a load run against a running suite (see {@link BenchArgs#USAGE}). It measures the baseline
 * first, then every step, and prints one Markdown report (also appended to {@code --report}).
 *
 * <p>The balance scenario calls pay-core over Dubbo as the cashier does, found through the run's registry as
 * application {@code paysuite-load}; {@code PayService.pay} is not one of the guarded money-moving methods (the
 * buyer's payment password is what authorises it), so the tool needs no internal-call secret.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args;
        try {
            args = BenchArgs.parse(LoadTraffic.strip(argv));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        RunDirectory run = RunDirectory.read(LoadTraffic.runDir(args.runDir()));
        SignedClient api = new SignedClient(args.baseUrl(), run.appId(), run.serialNo(), run.merchantKey(), run.tlsCert());
        DubboBootstrap dubbo = DubboBootstrap.newInstance();
        ApplicationConfig application = new ApplicationConfig("paysuite-load");
        application.setQosEnable(false);
        dubbo.application(application).registry(new RegistryConfig(args.registry()));
        ReferenceConfig<PayService> payRef = reference(PayService.class);
        ReferenceConfig<MemberService> memberRef = reference(MemberService.class);
        dubbo.reference(payRef).reference(memberRef).start();
        try (DatabaseCounters db = new DatabaseCounters(args.database()); NotifySink sink = new NotifySink()) {
            Background background = Background.NONE;
            if (!args.background().isZero()) {
                // first, before the baseline's own load: the suite with no traffic at all
                System.err.println("background: the idle suite for " + args.background().toSeconds() + " s ...");
                background = Background.measure(db, args.background());
                System.err.printf(Locale.ROOT, "  CPU %.1f ms/s, %s statements/s%n", background.cpuMsPerSecondTotal(),
                        background.statementsPerSecond() == null ? "–" : String.format(Locale.ROOT, "%.1f", background.statementsPerSecond()));
            }
            List<StepResult> baseline = new ArrayList<>();
            if (args.baseline()) {
                System.err.println("baseline: database commits, Dubbo echo ...");
                baseline.add(Baseline.commitRate(args.database(), 1, args.warmup().dividedBy(2), args.duration().dividedBy(3)));
                baseline.add(Baseline.commitRate(args.database(), 8, args.warmup().dividedBy(2), args.duration().dividedBy(3)));
                baseline.add(Baseline.echoRate(memberRef.get(), 8, args.warmup().dividedBy(2), args.duration().dividedBy(3), db));
            }
            Operations operations = new Operations(api, run, payRef.get(), args.amount(), sink.url());
            List<StepResult> steps = new ArrayList<>();
            for (Scenario scenario : args.scenarios()) {
                operations.prepare(scenario);
                jitWarmup(args, scenario, operations);
                if (args.rate() != null) {
                    steps.add(step(scenario.name().toLowerCase(Locale.ROOT) + " @ " + args.rate() + "/s", db,
                            marks -> LoadLoop.open(() -> operations.run(scenario), args.rate(), args.warmup(), args.duration(), marks)));
                } else {
                    for (int callers : args.concurrencies()) {
                        steps.add(step(scenario.name().toLowerCase(Locale.ROOT) + " c=" + callers, db,
                                marks -> LoadLoop.closed(() -> operations.run(scenario), callers, args.warmup(), args.duration(), marks)));
                    }
                }
            }
            String report = Report.markdown(args, background, baseline, steps);
            System.out.println(report);
            if (args.report() != null) {
                Report.append(args.report(), report);
            }
        } finally {
            dubbo.destroy();
        }
    }

    /** Unmeasured: the scenario at its highest concurrency (or the rate) for {@code --jit-warmup}, answers discarded. */
    private static void jitWarmup(BenchArgs args, Scenario scenario, Operations operations) throws InterruptedException {
        if (args.jitWarmup().isZero()) {
            return;
        }
        LoadLoop.Marks none = new LoadLoop.Marks() {
            @Override
            public void start() {
            }

            @Override
            public void end() {
            }
        };
        String name = scenario.name().toLowerCase(Locale.ROOT);
        LoadLoop.Window window;
        if (args.rate() != null) {
            System.err.println("JIT warm-up " + name + " @ " + args.rate() + "/s for " + args.jitWarmup().toSeconds() + " s ...");
            window = LoadLoop.open(() -> operations.run(scenario), args.rate(), Duration.ZERO, args.jitWarmup(), none);
        } else {
            int callers = args.concurrencies().stream().mapToInt(Integer::intValue).max().orElse(1);
            System.err.println("JIT warm-up " + name + " c=" + callers + " for " + args.jitWarmup().toSeconds() + " s ...");
            window = LoadLoop.closed(() -> operations.run(scenario), callers, Duration.ZERO, args.jitWarmup(), none);
        }
        System.err.printf(Locale.ROOT, "  %.1f/s (not reported)%n", window.perSecond());
    }

    interface Driven {
        LoadLoop.Window run(LoadLoop.Marks marks) throws Exception;
    }

    private static StepResult step(String name, DatabaseCounters db, Driven driven) throws Exception {
        System.err.println("step " + name + " ...");
        Baseline.Snapshots marks = new Baseline.Snapshots(db);
        LoadLoop.Window window = driven.run(marks);
        StepResult result = StepResult.of(name, window, marks.cpuBefore, marks.cpuAfter, marks.dbDelta());
        System.err.printf(Locale.ROOT, "  %.1f/s p50 %.1f ms p99 %.1f ms errors %s, CPU %.1f ms/op, %.1f less the sandbox (JIT compilers %.1f)%n",
                result.perSecond(), result.p50Ms(), result.p99Ms(), Report.errors(result.errors()), result.cpuMsPerOpTotal(),
                result.cpuMsPerOpOwn(),
                result.cpuMsPerOp().getOrDefault(ProcessCpu.JIT, 0.0));
        return result;
    }

    private static <T> ReferenceConfig<T> reference(Class<T> api) {
        ReferenceConfig<T> reference = new ReferenceConfig<>();
        reference.setInterface(api);
        reference.setVersion(ApiVersion.DUBBO);
        reference.setCheck(false);
        reference.setTimeout(30_000);
        reference.setRetries(0); // a payment is never retried blindly: an unknown answer is counted as such
        return reference;
    }
}
