package io.paysuite.trade.expiry;

import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.trade.order.RecentlyFinalTrades;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Expiry timers set {@code armAfter} after the trade's creation instead of at once, and not at all for a trade this
 * instance saw become final meanwhile ({@link RecentlyFinalTrades}): a trade paid at a till within 100 ms used to cost
 * a timer send, the broker's timer log, a delivery and a read of the trade that found it paid.
 *
 * <p>The arms wait in memory, in order (each waits the same {@code armAfter}, so the oldest is always the next due),
 * on one small daemon thread that runs only while arms wait. Set at once, as before: a trade expiring within
 * {@code armAfter}, an arm beyond {@code capacity}, any arm while not running, and every arm still waiting when the
 * application stops. An arm whose set fails waits {@code armAfter} again. A load-test trade's arm keeps its mark, so
 * its timer is marked as if set on the consumer's thread. An arm lost in a crash is not lost for the trade: the
 * janitor's expired-trade sweep closes it shortly after its expiry (see {@link TradeExpiry}).
 */
public class ExpiryArming implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiryArming.class);

    /** @param loadTest whether the trade is load traffic: its timer is marked so, whichever thread sets it */
    private record Arm(String tradeNo, Instant expireAt, Instant armAt, boolean loadTest) {
    }

    private final ExpiryTimers timers;
    private final RecentlyFinalTrades recentlyFinal;
    private final Duration armAfter;
    private final Clock clock;
    private final Supplier<ScheduledExecutorService> schedulers;
    private final ArrayBlockingQueue<Arm> pending;
    private final AtomicBoolean drainAsked = new AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;

    public ExpiryArming(ExpiryTimers timers, RecentlyFinalTrades recentlyFinal, Duration armAfter, int capacity,
                        Clock clock) {
        this(timers, recentlyFinal, armAfter, capacity, clock, ExpiryArming::daemonThread);
    }

    ExpiryArming(ExpiryTimers timers, RecentlyFinalTrades recentlyFinal, Duration armAfter, int capacity, Clock clock,
                 Supplier<ScheduledExecutorService> schedulers) {
        this.timers = timers;
        this.recentlyFinal = recentlyFinal;
        this.armAfter = armAfter;
        this.clock = clock;
        this.schedulers = schedulers;
        this.pending = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * The trade's timer, at {@code expireAt}: set {@code armAfter} from now unless the trade is final by then, or at
     * once.
     *
     * @throws IllegalStateException when a timer set at once was not stored (the caller's message comes back)
     */
    public void arm(String tradeNo, Instant expireAt) {
        Instant armAt = clock.instant().plus(armAfter);
        if (scheduler == null || armAfter.isZero() || !expireAt.isAfter(armAt)
                || !pending.offer(new Arm(tradeNo, expireAt, armAt, ShadowContext.active()))) {
            timers.set(tradeNo, expireAt);
            return;
        }
        wake();
        if (scheduler == null) {
            armAllNow(); // stopped while this arm was queued: the stop may have drained before it
        }
    }

    /** How many arms wait now. */
    int waiting() {
        return pending.size();
    }

    private void wake() {
        ScheduledExecutorService running = scheduler;
        Arm next = pending.peek();
        if (running == null || next == null || !drainAsked.compareAndSet(false, true)) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), next.armAt()).toMillis());
        try {
            running.schedule(this::armDue, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            drainAsked.set(false); // the stop arms what waits
        }
    }

    private void armDue() {
        drainAsked.set(false); // before draining: an arm queued meanwhile asks for the next drain
        Instant now = clock.instant();
        for (Arm next = pending.peek(); next != null && !next.armAt().isAfter(now); next = pending.peek()) {
            Arm arm = pending.poll();
            if (arm != null && !set(arm)) {
                retry(arm);
            }
        }
        wake();
    }

    /** Whether the trade is settled for its expiry: the timer set, or none needed. */
    private boolean set(Arm arm) {
        if (recentlyFinal.seenFinal(arm.tradeNo())) {
            return true;
        }
        try (ShadowContext.Scope mark = ShadowContext.enter(arm.loadTest())) {
            timers.set(arm.tradeNo(), arm.expireAt());
            return true;
        } catch (RuntimeException e) {
            log.warn("expiry timer of trade {} not set: {}", arm.tradeNo(), e.toString());
            return false;
        }
    }

    private void retry(Arm arm) {
        if (pending.offer(new Arm(arm.tradeNo(), arm.expireAt(), clock.instant().plus(armAfter), arm.loadTest()))) {
            log.info("expiry timer of trade {} tried again in {}", arm.tradeNo(), armAfter);
        } else {
            log.warn("expiry timer of trade {} not set and no room to try again: the janitor's expired-trade sweep closes it",
                    arm.tradeNo());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = schedulers.get();
            wake();
        }
    }

    /** Sets every arm still waiting, once each (best effort: one that fails is left to the janitor's sweep). */
    @Override
    public void stop() {
        // not under this object's lock, as PublishedMarks: a drain in progress finishes first
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            running.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        armAllNow();
    }

    private void armAllNow() {
        int armed = 0;
        int failed = 0;
        for (Arm arm; (arm = pending.poll()) != null; armed++) {
            if (!set(arm)) {
                failed++;
            }
        }
        if (armed > 0) {
            log.info("stopped: {} expiry timers armed ahead of their grace, {} not set (the janitor's sweep closes those)",
                    armed, failed);
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private static ScheduledExecutorService daemonThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "trade-expiry-arming");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // the stop arms what waits, at once
        return executor;
    }
}
