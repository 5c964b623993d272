package io.paysuite.accounting.infra.crosscheck;

import io.paysuite.accounting.crosscheck.InternalReconciliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs the checks that are due — trades noted at least the settle delay ago — every
 * {@code sweep-every}, on one daemon thread per instance. This is the normal path, not a safety net,
 * so it is not one of the janitor's sweeps (which alarm on every row they find). Several instances
 * may run it at once: each batch of checks is claimed in one atomic statement first.
 */
@ConditionalOnProperty(prefix = "paysuite.crosscheck", name = "enabled", matchIfMissing = true)
@Component
public class DueChecks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DueChecks.class);
    /** Full batches checked back to back before pausing, so one round cannot run forever. */
    private static final int MAX_BATCHES_PER_ROUND = 20;

    private final InternalReconciliation reconciliation;
    private final CrossCheckProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public DueChecks(InternalReconciliation reconciliation, CrossCheckProperties properties, Clock clock) {
        this.reconciliation = reconciliation;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One round: every due check, in batches of {@code batch} (each batch a handful of statements here
     * and the Dubbo reads of its trades), full batches back to back; each failure left for a later
     * round; never throws.
     *
     * @return the checks finished
     */
    public int runOnce() {
        int checked = 0;
        for (int i = 0; i < MAX_BATCHES_PER_ROUND; i++) {
            InternalReconciliation.Round round;
            try {
                round = reconciliation.checkDue(clock.instant().minus(properties.settleDelay()), properties.batch());
            } catch (RuntimeException e) {
                // what was claimed comes back after the settle delay
                log.warn("internal reconciliation: due checks not run, tried again next round: {}", e.toString());
                return checked;
            }
            round.notRead().forEach((tradeNo, e) ->
                    log.warn("internal reconciliation: check of trade {} failed, checked again later: {}", tradeNo, e.toString()));
            checked += round.checked();
            if (round.claimed() < properties.batch()) {
                break;
            }
        }
        return checked;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "crosscheck-due");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.sweepEvery().toMillis();
        long first = period + ThreadLocalRandom.current().nextLong(Math.max(1, period / 2));
        scheduler.scheduleWithFixedDelay(this::runOnce, first, period, TimeUnit.MILLISECONDS);
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
        return Integer.MAX_VALUE; // after the Dubbo references and the consumers it relies on
    }
}
