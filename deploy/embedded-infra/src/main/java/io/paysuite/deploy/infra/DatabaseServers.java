package io.paysuite.deploy.infra;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the database server: MySQL 8 in Testcontainers where a Docker engine answers, else embedded
 * MariaDB. {@code PAYSUITE_DB=embedded} (system property or environment variable) forces MariaDB.
 */
public final class DatabaseServers {

    public static final String SELECTOR = "PAYSUITE_DB";
    private static final Logger log = LoggerFactory.getLogger(DatabaseServers.class);
    /**
     * Testcontainers probes several strategies; an absent engine must never stall the start. Alone the probe
     * answers in about 2 s; beside three starting server JVMs on two cores it took over 10 s.
     */
    private static final Duration DOCKER_PROBE_TIMEOUT = Duration.ofSeconds(30);

    private DatabaseServers() {
    }

    public static DatabaseServer start(InfraConfig config) {
        if (useTestcontainers()) {
            return TestcontainersMySql.start();
        }
        return EmbeddedMariaDb.start(config);
    }

    static boolean useTestcontainers() {
        String selector = System.getProperty(SELECTOR, System.getenv(SELECTOR));
        if (selector != null && selector.trim().toLowerCase(Locale.ROOT).equals("embedded")) {
            log.info("database: embedded MariaDB ({}=embedded)", SELECTOR);
            return false;
        }
        long started = System.nanoTime();
        boolean available = dockerAvailable();
        log.info("database: {} (Docker engine {} after {} ms)",
                available ? "MySQL 8 in Testcontainers" : "embedded MariaDB",
                available ? "found" : "not available", (System.nanoTime() - started) / 1_000_000);
        return available;
    }

    private static boolean dockerAvailable() {
        CompletableFuture<Boolean> probe = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                probe.complete(org.testcontainers.DockerClientFactory.instance().isDockerAvailable());
            } catch (Throwable e) { // NoClassDefFoundError included: no Testcontainers, no Docker
                probe.complete(false);
            }
        }, "docker-probe");
        thread.setDaemon(true); // a probe stuck in a socket read must not keep the JVM alive
        thread.start();
        try {
            return probe.get(DOCKER_PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("database: Docker probe gave no answer within {} s", DOCKER_PROBE_TIMEOUT.toSeconds());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
