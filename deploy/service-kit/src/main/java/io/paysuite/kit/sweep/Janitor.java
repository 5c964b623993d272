package io.paysuite.kit.sweep;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A service's janitor: its {@link Sweep}s, run one after the other every {@code every} on one daemon
 * thread, from the start of the application context (last phase: after the consumers and producers
 * the re-drives use) to its stop (first). Each instance of the service runs its own; the sweeps are
 * safe to run concurrently (see {@link Sweep}), and a random first delay spreads the instances out.
 */
public class Janitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Janitor.class);

    private final String service;
    private final Duration every;
    private final List<Sweep<?>> sweeps;
    private ScheduledExecutorService scheduler;

    public Janitor(String service, Duration every, List<Sweep<?>> sweeps) {
        if (every == null || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("a janitor's period must be positive");
        }
        this.service = service;
        this.every = every;
        this.sweeps = List.copyOf(sweeps);
    }

    /** One round of every sweep, in order; never throws. */
    public List<Sweep.Report> sweepOnce() {
        return sweeps.stream().map(Sweep::run).toList();
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, service + "-janitor");
            thread.setDaemon(true);
            return thread;
        });
        long period = every.toMillis();
        long first = period + ThreadLocalRandom.current().nextLong(Math.max(1, period / 2));
        scheduler.scheduleWithFixedDelay(this::sweepOnce, first, period, TimeUnit.MILLISECONDS);
        log.info("{} janitor started: {} every {}", service, sweeps.stream().map(s -> s.plan().name() + " older than "
                + s.plan().age()).toList(), every);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // after every client the re-drives use
    }
}
