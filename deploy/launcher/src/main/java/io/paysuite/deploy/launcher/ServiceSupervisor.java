package io.paysuite.deploy.launcher;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local run's stand-in for Kubernetes' restart policy: a service process that dies (a crash,
 * an OOM kill, someone's {@code kill -9}) is started again on the same ports, and its callers
 * reconnect through the registry by themselves.
 */
final class ServiceSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceSupervisor.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    private final Suite suite;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "paysuite-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<ServiceId> restarting = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    ServiceSupervisor(Suite suite) {
        this.suite = suite;
    }

    ServiceSupervisor start() {
        timer.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void check() {
        for (ServiceId id : ServiceId.values()) {
            if (!closed && !jvmShuttingDown() && !suite.service(id).isAlive() && restarting.add(id)) {
                Thread thread = new Thread(() -> restart(id), "restart-" + id.module());
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private void restart(ServiceId id) {
        try {
            log.warn("{} is not running; starting it again", id.module());
            suite.restart(id);
            log.info("{} is healthy again", id.module());
        } catch (RuntimeException e) {
            log.error("{} did not come back: {}", id.module(), e.getMessage());
        } finally {
            restarting.remove(id);
        }
    }

    /**
     * On Ctrl-C every child's own shutdown hook stops it, concurrently with ours; a stopped child
     * then must not look like a crash. Registering a hook fails exactly while shutdown runs.
     */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}
