package io.paysuite.accounting.infra.crosscheck;

import io.paysuite.accounting.crosscheck.InternalReconciliation;
import io.paysuite.accounting.crosscheck.PendingCheck;
import io.paysuite.accounting.crosscheck.PendingChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs the checks that are due — trades noted at least the settle delay ago — every
 * {@code sweep-every}, on one daemon thread per instance. This is the normal path, not a safety net,
 * so it is not one of the janitor's sweeps (which alarm on every row they find). Several instances
 * may run it at once: each check is claimed by compare-and-set first.
 */
@ConditionalOnProperty(prefix = "paysuite.crosscheck", name = "enabled", matchIfMissing = true)
@Component
public class DueChecks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DueChecks.class);

    private final InternalReconciliation reconciliation;
    private final PendingChecks pending;
    private final CrossCheckProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public DueChecks(InternalReconciliation reconciliation, PendingChecks pending, CrossCheckProperties properties, Clock clock) {
        this.reconciliation = reconciliation;
        this.pending = pending;
        this.properties = properties;
        this.clock = clock;
    }

    /** One round: every due check, each failure left for the next round; never throws. */
    public int runOnce() {
        List<PendingCheck> due;
        try {
            due = pending.notedBefore(clock.instant().minus(properties.settleDelay()), properties.batch());
        } catch (RuntimeException e) {
            log.warn("internal reconciliation: due checks not read, tried again next round: {}", e.toString());
            return 0;
        }
        int checked = 0;
        for (PendingCheck check : due) {
            try {
                reconciliation.check(check);
                checked++;
            } catch (RuntimeException e) {
                // claimed, so it comes back after the settle delay
                log.warn("internal reconciliation: check of trade {} failed, checked again later: {}", check.tradeNo(), e.toString());
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
