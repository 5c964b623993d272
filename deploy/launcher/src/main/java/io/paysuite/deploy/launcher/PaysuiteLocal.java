package io.paysuite.deploy.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local run: starts the embedded infrastructure, the channel sandbox and all six services,
 * prints where everything is, and stops it all on Ctrl-C. Data and logs live in
 * {@code .paysuite/} under the directory it was started from, and survive a restart.
 */
public final class PaysuiteLocal {

    private PaysuiteLocal() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (List.of(args).contains("--external")) {
            env.put(InfraEnvironment.MODE, "external");
        }
        long started = Long.getLong("paysuite.t0", ProcessStartTime.millis());
        Path cwd = Path.of("").toAbsolutePath();
        Path home = Path.of(System.getProperty("paysuite.home", cwd.toString())).toAbsolutePath().normalize();
        Path workDir = cwd.resolve(".paysuite");
        Files.createDirectories(workDir);

        SuiteConfig config = SuiteConfig.local(home, workDir);
        // PAYSUITE_INFRA=external (or --external): only the sandbox and the services, against the servers named
        // by the environment (InfraEnvironment, docs/operations.md)
        config = InfraEnvironment.read(env).map(config::withExternal).orElse(config);
        // PAYSUITE_REGISTRY alone: the embedded servers, but that registry and config center (e.g. a Nacos server)
        Suite suite = Suite.start(config, RegistryOverride.fromEnvironment(env).orElse(null));
        DemoSeed.seed(suite, workDir);
        DemoSeed.seedShadow(suite, workDir); // the same demo data for load tests (bin/bench --shadow)
        ServiceSupervisor supervisor = new ServiceSupervisor(suite).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping Paysuite ...");
            supervisor.close();
            suite.close();
            stopped.countDown();
        }, "paysuite-stop"));

        double seconds = (System.currentTimeMillis() - started) / 1000.0;
        System.out.println(SuiteBanner.render(suite, seconds));
        stopped.await();
    }
}
