package io.paysuite.deploy.launcher;

import java.io.IOException;
import io.paysuite.deploy.infra.JavaProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service instance in its own JVM, started from its executable jar. Knows how to tell when it
 * is healthy (Spring Boot actuator), how to stop it gracefully (SIGTERM, Spring's graceful
 * shutdown deregisters it from the registry) and how to kill it like a crash ({@code kill -9}).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final ServicePorts ports;
    private final JavaProcess.Builder builder;
    private volatile JavaProcess process;

    ServiceProcess(String name, Path jar, ServicePorts ports, List<String> jvmArgs, List<String> appArgs, Path workDir) {
        this(name, jar, ports, jvmArgs, new ProcessProperties(appArgs, Map.of()), workDir);
    }

    /** With the secrets of {@code properties} in the child's environment, never on its command line. */
    ServiceProcess(String name, Path jar, ServicePorts ports, List<String> jvmArgs, ProcessProperties properties, Path workDir) {
        this.name = name;
        this.ports = ports;
        this.builder = JavaProcess.builder(name)
                .jar(jar)
                .jvmArgs(jvmArgs)
                .systemProperty("paysuite.instance", name)
                .args(properties.arguments())
                .workingDir(workDir)
                .logDir(workDir.resolve("logs"));
        properties.environment().forEach(builder::environment);
    }

    /** The command line this instance starts with (what {@code ps} shows). */
    List<String> command() {
        return builder.command();
    }

    /** Starts the process (again, after a kill or stop); returns at once. */
    public synchronized ServiceProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        process = builder.start();
        log.info("started {} (pid {}) http={} dubbo={} log={}", name, process.pid(), ports.http(), ports.dubbo(), logFile());
        return this;
    }

    /** Waits until the actuator reports UP; fails fast if the process dies. */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited before it was healthy; see " + logFile());
            }
            if (healthy()) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + logFile());
    }

    public boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(healthUri()).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public URI healthUri() {
        return URI.create("http://127.0.0.1:" + ports.http() + "/actuator/health");
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + ports.http());
    }

    /** Like a crash: SIGKILL, no shutdown hooks, no deregistration. */
    public synchronized void kill() {
        if (isAlive()) {
            process.kill();
            log.info("killed {} (kill -9)", name);
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within the grace period. */
    public synchronized void stop(Duration grace) {
        if (process != null) {
            process.stop(grace);
        }
    }

    /** Waits for the process to end by itself; true if it did within the timeout. */
    public boolean waitForExit(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (isAlive() && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(200));
        }
        return !isAlive();
    }

    public boolean isAlive() {
        JavaProcess p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return ports.http();
    }

    /** cashier-service's public HTTPS port (open API, cashier pages, ops API); 0 for other services. */
    public int apiPort() {
        return ports.api();
    }

    public int dubboPort() {
        return ports.dubbo();
    }

    public Path logFile() {
        return process != null ? process.logFile() : null;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
