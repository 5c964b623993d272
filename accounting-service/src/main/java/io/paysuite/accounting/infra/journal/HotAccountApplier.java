package io.paysuite.accounting.infra.journal;

import io.paysuite.accounting.config.LedgerProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link HotAccountBuffer#applyBatch()} every {@code paysuite.ledger.hot-accounts.apply-interval},
 * draining full batches back to back. It runs even with buffering switched off, so lines buffered
 * before a restart with the switch off are still applied. A failed round is logged and retried
 * next round: the lines stay unapplied, and readers still count them.
 */
@Component
class HotAccountApplier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HotAccountApplier.class);
    /** Full batches applied back to back before pausing, so one round cannot run forever. */
    private static final int MAX_BATCHES_PER_ROUND = 100;

    private final HotAccountBuffer buffer;
    private final Duration interval;
    private volatile ScheduledExecutorService scheduler;

    HotAccountApplier(HotAccountBuffer buffer, LedgerProperties properties) {
        this.buffer = buffer;
        this.interval = properties.hotAccounts().applyInterval();
    }

    void round() {
        try {
            for (int i = 0; i < MAX_BATCHES_PER_ROUND && buffer.applyBatch() == buffer.batchSize(); i++) {
                // a full batch: more lines may be waiting
            }
        } catch (RuntimeException e) {
            log.warn("hot-account applier round failed; the lines stay buffered and are retried", e);
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hot-account-applier");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
