package io.paysuite.accounting.infra.journal;

import io.paysuite.accounting.config.LedgerProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link HotAccountBuffer#applyBatch()} in rounds, draining full batches back to back. It runs
 * even with buffering switched off, so lines buffered before a restart with the switch off are still
 * applied. A failed round is logged and retried: the lines stay unapplied, and readers still count them.
 *
 * <p>When rounds run ({@link ApplierPace}): a posting of this instance that buffered lines calls
 * {@link #linesBuffered()} after its commit, which brings the next round to at most
 * {@code apply-interval} away (postings within that interval share one round, one transaction).
 * Without that signal the applier only polls, for lines another instance left or a round that failed,
 * and the poll backs off while it finds nothing — {@code apply-interval} doubled up to
 * {@code idle-poll-max} — so an idle ledger costs one locking read every few seconds instead of five a
 * second. Lines are never lost to a slow poll: readers add unapplied lines to the rows, so only the
 * row lags; the poll exists so that the row does not lag forever.
 */
@Component
class HotAccountApplier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HotAccountApplier.class);
    /** Full batches applied back to back before pausing, so one round cannot run forever. */
    private static final int MAX_BATCHES_PER_ROUND = 100;

    private final IntSupplier applyBatch;
    private final int batchSize;
    private final ApplierPace pace;
    private ScheduledExecutorService scheduler;
    /** The round scheduled next, and when it is due (System.nanoTime); guarded by this. */
    private ScheduledFuture<?> next;
    private long nextDueNanos;
    /** Lines were buffered since the running round began: its read may have missed them. Guarded by this. */
    private boolean signalled;

    @Autowired
    HotAccountApplier(HotAccountBuffer buffer, LedgerProperties properties) {
        this(buffer::applyBatch, buffer.batchSize(), new ApplierPace(properties.hotAccounts().applyInterval(),
                properties.hotAccounts().idlePollMax()));
    }

    HotAccountApplier(IntSupplier applyBatch, int batchSize, ApplierPace pace) {
        this.applyBatch = applyBatch;
        this.batchSize = batchSize;
        this.pace = pace;
    }

    /** Lines were buffered and committed by this instance: apply them within one apply interval. */
    void linesBuffered() {
        synchronized (this) {
            signalled = true;
        }
        schedule(pace.afterSignal());
    }

    /** @return lines applied in this round */
    int round() {
        int applied = 0;
        try {
            for (int i = 0; i < MAX_BATCHES_PER_ROUND; i++) {
                int batch = applyBatch.getAsInt();
                applied += batch;
                if (batch < batchSize) {
                    break; // the buffer is drained
                }
            }
        } catch (RuntimeException e) {
            log.warn("hot-account applier round failed; the lines stay buffered and are retried", e);
        }
        return applied;
    }

    private void roundAndReschedule() {
        synchronized (this) {
            signalled = false;
        }
        int applied = round();
        synchronized (this) {
            next = null;
            // a signal during the round may name lines committed after its read: the next round comes soon
            schedule(signalled ? pace.afterSignal() : pace.afterRound(applied));
        }
    }

    /** Keeps the earlier of the round already scheduled and one {@code delay} from now. */
    private synchronized void schedule(Duration delay) {
        ScheduledExecutorService running = scheduler;
        if (running == null) {
            return;
        }
        long due = System.nanoTime() + delay.toNanos();
        if (next != null) {
            if (nextDueNanos - due <= 0) {
                return; // a round comes sooner anyway
            }
            if (!next.cancel(false)) {
                return; // it is running now and schedules the next one when done
            }
        }
        next = running.schedule(this::roundAndReschedule, delay.toNanos(), TimeUnit.NANOSECONDS);
        nextDueNanos = due;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hot-account-applier");
            thread.setDaemon(true);
            return thread;
        });
        // lines left by an instance that stopped are applied soon after start
        schedule(pace.interval());
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
            next = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
