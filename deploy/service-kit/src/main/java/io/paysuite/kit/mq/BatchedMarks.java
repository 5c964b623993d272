package io.paysuite.kit.mq;

import io.paysuite.kit.shadow.ShadowContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * "The broker stored it" marks of an outbox's rows, written a few at a time instead of one {@code UPDATE} after every
 * message: the first mark asks for a flush {@code delay} later, and the flush hands everything asked meanwhile to
 * the service's {@link Writer} ({@value #BATCH} keys a call; one {@code UPDATE … WHERE key IN (…)}, which the sharded
 * data source routes by the keys' genes). Nothing runs while nothing is marked: no timer ticks when the service is
 * idle. trade-core marks its events published ({@code trade_event.published_at}), pay-core its pay orders announced
 * ({@code pay_order.announced_at}).
 *
 * <p>A mark is only ever late, never early: the service asks for it after the broker stored the message. A mark lost
 * in a crash (at most {@code delay} of them) or a failed write means only that the message is sent once more by the
 * service's recovery (trade-core's relay, pay-core's pay order check); consumers deduplicate. Stopping flushes what
 * is left: register this before the producer that marks, so it stops after it and before the DataSource closes.
 *
 * <p>Each mark is written on the side its row was: load traffic's ({@link ShadowContext}) in the shadow databases,
 * the rest in the real ones. The flush runs on this object's own thread, where no request's mark is set, so the
 * side is remembered with the key; without it a load test's marks would miss their rows and every load-test message
 * would be sent twice.
 */
public class BatchedMarks implements SmartLifecycle {

    /** Keys a write at most: an {@code IN} list the database plans as a primary-key lookup. */
    public static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(BatchedMarks.class);

    /** Writes the marks of {@code keys}, all on the side the caller's {@link ShadowContext} names. */
    @FunctionalInterface
    public interface Writer {
        void write(List<String> keys, Instant at);
    }

    private final String name;
    private final Clock clock;
    private final Duration delay;
    private final Writer writer;
    private final String lostConsequence;
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> pendingShadow = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushAsked = new AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;

    /**
     * @param name            the flusher thread's name
     * @param lostConsequence what a failed write means, for its log line ("they are sent again")
     */
    public BatchedMarks(String name, Clock clock, Duration delay, Writer writer, String lostConsequence) {
        this.name = name;
        this.clock = clock;
        this.delay = delay;
        this.writer = writer;
        this.lostConsequence = lostConsequence;
    }

    /** The broker has the message of {@code key}: marked with the next flush (at once when not running), on its side. */
    public void mark(String key) {
        (ShadowContext.active() ? pendingShadow : pending).add(key);
        ScheduledExecutorService running = scheduler;
        if (running == null) {
            flush();
            return;
        }
        if (flushAsked.compareAndSet(false, true)) {
            try {
                running.schedule(this::askedFlush, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                flushAsked.set(false);
                flush();
            }
        }
    }

    /** Writes every mark asked so far, each on its side, {@link #BATCH} per write; a failed one is left to recovery. */
    public synchronized void flush() {
        try (ShadowContext.Scope real = ShadowContext.enter(false)) {
            flush(pending);
        }
        if (!pendingShadow.isEmpty()) {
            try (ShadowContext.Scope load = ShadowContext.enter(true)) {
                flush(pendingShadow);
            }
        }
    }

    private void flush(ConcurrentLinkedQueue<String> side) {
        while (!side.isEmpty()) {
            List<String> keys = new ArrayList<>(Math.min(BATCH, side.size()));
            for (String key; keys.size() < BATCH && (key = side.poll()) != null; ) {
                keys.add(key);
            }
            try {
                writer.write(keys, clock.instant());
            } catch (RuntimeException e) {
                log.warn("{}: {} marks not written; {}: {}", name, keys.size(), lostConsequence, e.toString());
            }
        }
    }

    private void askedFlush() {
        flushAsked.set(false); // before draining: a mark arriving during the flush asks for the next one
        flush();
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            ScheduledThreadPoolExecutor flusher = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                return thread;
            });
            // a flush asked but not due is not waited for at stop: stop's own flush writes its marks
            flusher.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            scheduler = flusher;
        }
    }

    @Override
    public void stop() {
        // not under this object's lock: a flush the scheduler is about to run takes it, and waiting for that flush
        // while holding the lock would stall the stop for the whole termination timeout
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushAsked.set(false); // a flush asked and cancelled above: this one writes its marks, a restart asks anew
        flush();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
