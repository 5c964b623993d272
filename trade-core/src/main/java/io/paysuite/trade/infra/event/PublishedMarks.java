package io.paysuite.trade.infra.event;

import io.paysuite.kit.shadow.ShadowContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The "the broker took its commit" marks of trade events ({@code trade_event.published_at}), written a
 * few at a time instead of one {@code UPDATE} after every event (three per payment): the first mark
 * asks for a flush {@code delay} later, and the flush writes everything asked meanwhile in one
 * {@code UPDATE … WHERE event_id IN (…)} per database (ShardingSphere routes the list by the genes in
 * the ids). Nothing runs while nothing is marked: no timer ticks when the service is idle.
 *
 * <p>A mark is only ever late, never early: it is written after the broker stored the message (outbox) or
 * took its commit (transactional). A mark lost in a crash (at most {@code delay} of them) or a failed flush
 * means only that the event is sent once more — by the {@link EventRelay} seconds later (outbox), or by the
 * janitor ({@link UnpublishedTradeEvents}) 15 minutes on; consumers deduplicate on its id. Stopping flushes
 * what is left (this client stops after the producer that marks).
 *
 * <p>Each mark is written on the side its event was: load traffic's ({@link ShadowContext}) in the shadow
 * databases, the rest in the real ones. The flush runs on this client's own thread, where no request's mark is
 * set, so the side is remembered with the id; without it a load test's marks would miss their rows and the relay
 * would send every load-test event twice.
 */
final class PublishedMarks implements SmartLifecycle {

    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(PublishedMarks.class);

    private final TradeEventMapper mapper;
    private final Clock clock;
    private final Duration delay;
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> pendingShadow = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushAsked = new AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;

    PublishedMarks(TradeEventMapper mapper, Clock clock, Duration delay) {
        this.mapper = mapper;
        this.clock = clock;
        this.delay = delay;
    }

    /** The broker has the event: its mark is written with the next flush (at once when not running), on its side. */
    void mark(String eventId) {
        (ShadowContext.active() ? pendingShadow : pending).add(eventId);
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

    /** Writes every mark asked so far, each on its side, {@link #BATCH} per statement; a failed one is sent again. */
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
            List<String> ids = new ArrayList<>(Math.min(BATCH, side.size()));
            for (String id; ids.size() < BATCH && (id = side.poll()) != null; ) {
                ids.add(id);
            }
            try {
                mapper.markAllPublished(ids, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            } catch (RuntimeException e) {
                log.warn("{} events stored at the broker but not marked published; they are sent again: {}",
                        ids.size(), e.toString());
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
            scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "trade-event-marks");
                thread.setDaemon(true);
                return thread;
            });
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
        flush();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
