package io.paysuite.deploy.infra;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The Seata 2.0.0 transaction coordinator ({@code io.seata.server.ServerApplication}, a Spring Boot app) in its
 * own JVM on the {@code runtime-seata} classpath: file registry, file config, file store.
 *
 * <p>Its settings are passed as system properties, which Spring Boot ranks above the jar's
 * {@code application.yml}; program arguments would reach Seata's own JCommander parser as well.
 * {@code log.home} is the hook in that yml ({@code logging.file.path: ${log.home:${user.home}/logs/seata}});
 * SOFA bolt writes {@code ${user.home}/logs/bolt}, so {@code user.home} points under the work dir too.
 */
final class EmbeddedSeata implements AutoCloseable {

    static final String NAME = "seata";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180); // 84 s measured at load average 20 on two cores

    private final int port;
    private final JavaProcess process;

    private EmbeddedSeata(int port, JavaProcess process) {
        this.port = port;
        this.process = process;
    }

    static EmbeddedSeata start(InfraConfig config) {
        InfraConfig.requireFree(NAME, config.seataPort());
        InfraConfig.requireFree(NAME + " console", config.seataConsolePort());
        Path home = config.workDir().resolve("seata");
        JavaProcess process = JavaProcess.builder(NAME)
                .classpath(RuntimeClasspath.of("seata"))
                .mainClass("io.seata.server.ServerApplication")
                .jvmArgs("-Xms128m", "-Xmx384m", "-XX:+UseG1GC", "-XX:PerfDataSamplingInterval=1000")
                .jvmArgs("--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED")
                .systemProperty("user.home", home.resolve("home"))
                .systemProperty("log.home", config.logDir().resolve("seata"))
                .systemProperty("server.port", config.seataConsolePort())              // console (Tomcat)
                .systemProperty("seata.server.service-port", config.seataPort())       // TC (Netty)
                .systemProperty("seata.config.type", "file")
                .systemProperty("seata.registry.type", "file")
                .systemProperty("seata.store.mode", "file")
                .systemProperty("seata.store.file.dir", home.resolve("sessionStore"))
                .systemProperty("seata.metrics.enabled", "false")
                .args("-h", "127.0.0.1") // the address Seata puts into XIDs
                .workingDir(home)
                .logDir(config.logDir())
                .start();
        try {
            process.waitForPort(config.seataPort(), START_TIMEOUT);
            return new EmbeddedSeata(config.seataPort(), process);
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.stop();
    }
}
