package io.paysuite.pay.infra.event;

import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.pay.order.PayOrderRepository;
import java.time.Clock;
import java.time.Duration;
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
 * The "the broker stored its {@code PAY_SUCCEEDED}" marks of {@code SUCCESS} pay orders ({@code pay_order.announced_at}),
 * written a few at a time instead of one {@code UPDATE} after every payment: the first mark asks for a flush
 * {@code delay} later, and the flush writes everything asked meanwhile in one {@code UPDATE … WHERE pay_order_no IN (…)}
 * (ShardingSphere routes the list by the numbers' genes: one statement per physical table they name). Nothing runs
 * while nothing is marked: no timer ticks when the service is idle.
 *
 * <p>Why a mark at all: pay-core runs as two instances sharing the pay order check's consumer group, so about half of
 * the checks land on the instance that did not send; {@code AnnouncedHere} (this process's memory) cannot tell it
 * that the announcement is stored, and without the row saying so it would send a duplicate for half the payments.
 *
 * <p>A mark is only ever late, never early: it is asked for after the broker stored the message. A mark lost in a
 * crash (at most {@code delay} of them) or a failed flush means only that the pay order's check sends the
 * announcement once more; consumers deduplicate on the pay order number. Stopping flushes what is left (this client
 * stops after the producer that marks, before the DataSource closes).
 *
 * <p>Each mark is written on the side its pay order was: load traffic's ({@link ShadowContext}) in the shadow
 * databases, the rest in the real ones. The flush runs on this client's own thread, where no request's mark is set,
 * so the side is remembered with the number; without it a load test's marks would miss their rows and every
 * load-test payment's check would send its announcement again.
 */
final class AnnouncedMarks implements SmartLifecycle {

    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(AnnouncedMarks.class);

    private final PayOrderRepository orders;
    private final Clock clock;
    private final Duration delay;
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> pendingShadow = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushAsked = new AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;

    AnnouncedMarks(PayOrderRepository orders, Clock clock, Duration delay) {
        this.orders = orders;
        this.clock = clock;
        this.delay = delay;
    }

    /** The broker has the pay order's announcement: marked with the next flush (at once when not running), on its side. */
    void mark(String payOrderNo) {
        (ShadowContext.active() ? pendingShadow : pending).add(payOrderNo);
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

    /** Writes every mark asked so far, each on its side, {@link #BATCH} per statement; a failed one is left to the check. */
    synchronized void flush() {
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
            List<String> numbers = new ArrayList<>(Math.min(BATCH, side.size()));
            for (String no; numbers.size() < BATCH && (no = side.poll()) != null; ) {
                numbers.add(no);
            }
            try {
                orders.markAnnounced(numbers, clock.instant());
            } catch (RuntimeException e) {
                log.warn("{} pay orders' PAY_SUCCEEDED stored at the broker but not marked announced; their checks send"
                        + " it again: {}", numbers.size(), e.toString());
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
                Thread thread = new Thread(task, "pay-announced-marks");
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
