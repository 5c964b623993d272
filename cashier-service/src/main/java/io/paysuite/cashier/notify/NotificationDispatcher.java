package io.paysuite.cashier.notify;

import io.paysuite.kit.shadow.ShadowContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled attempts of merchant notifications. The first attempt of a new notification comes
 * from the trade event already claimed: the notification was stored with it claimed (one INSERT, see
 * {@link #claimedFirst}), so it goes straight to the POST. Any other attempt is asked for by a retry
 * timer (attempt n), by the sweeper (a lost timer) or by a first attempt that had to give its claim
 * back; each request may come more than once and on several instances. One requested attempt runs as:
 * <ol>
 *   <li>read the notification; a request that is stale (the attempt was made, the notification
 *       is final) ends here;</li>
 *   <li>a request that came early (the timer wheel ticks by the second) waits for the due time;</li>
 *   <li>claim it: {@code attempts = n-1 → n} while PENDING, a compare-and-set only one caller wins;</li>
 *   <li>POST, then log the attempt and move the notification in one transaction: DELIVERED, or
 *       the next due time, or GAVE_UP after the last scheduled attempt;</li>
 *   <li>arm the timer of the next attempt.</li>
 * </ol>
 * Attempts run on {@code concurrency} delivery threads of their own, so a merchant that takes its
 * full timeout to answer holds one slot, never a message consumer thread or another merchant.
 */
@Component
public class NotificationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    /** An early request waits here up to this long; a longer wait goes back to the broker as a timer. */
    private static final Duration LOCAL_WAIT_LIMIT = Duration.ofSeconds(5);
    /** A request this close to its due time is on time. */
    private static final Duration ON_TIME = Duration.ofMillis(20);
    /**
     * RocketMQ's timer wheel fires on whole ticks ({@code timerPrecisionMs}, 1 s by default), and
     * timers were seen arriving up to a tick late. Armed one tick before the due time, a timer comes
     * a little early and the short local wait for the rest puts the attempt on time; the due time
     * in the database, not the timer, decides when the attempt is made.
     */
    private static final Duration TIMER_LEAD = Duration.ofSeconds(1);
    /** When no delivery slot is free, the attempt comes back this much later. */
    private static final Duration BACK_OFF = Duration.ofSeconds(2);
    /**
     * A first attempt stored claimed must start its POST within this long of its claim, or it gives the
     * claim back and runs as a requested attempt (claimed afresh, with a fresh lease). The claim's lease
     * counts this wait in, so a POST started in time ends, like any other, a full wait and the sweeper's
     * lateness before anyone may take the next attempt.
     */
    private static final Duration CLAIMED_START_LIMIT = Duration.ofSeconds(5);

    /** One requested attempt; {@code via} says who asked (event, timer, sweep) for the log. */
    record Attempt(String eventId, int number, String via) {
    }

    /** An attempt queued for a delivery slot; {@code claimed} is set for a first attempt stored claimed. */
    private final class Job implements Runnable {

        final Attempt attempt;
        final Notification claimed;

        Job(Attempt attempt, Notification claimed) {
            this.attempt = attempt;
            this.claimed = claimed;
        }

        @Override
        public void run() {
            NotificationDispatcher.this.run(attempt, claimed);
        }
    }

    private final NotificationStore store;
    private final MerchantEndpoint endpoint;
    private final NotifyTimers timers;
    private final NotifySchedule schedule;
    private final Duration timeout;
    private final Clock clock;
    private final ThreadPoolExecutor deliveries;
    private final ScheduledExecutorService waits;
    /** Early requests waiting here, re-armed on the broker if this instance stops first. */
    private final Map<Attempt, Instant> waiting = new ConcurrentHashMap<>();
    private volatile boolean running;

    public NotificationDispatcher(NotificationStore store, MerchantEndpoint endpoint, NotifyTimers timers,
                                  NotifyProperties properties, Clock clock) {
        this.store = store;
        this.endpoint = endpoint;
        this.timers = timers;
        this.schedule = new NotifySchedule(properties.schedule());
        this.timeout = properties.timeout();
        this.clock = clock;
        this.deliveries = new ThreadPoolExecutor(properties.concurrency(), properties.concurrency(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()), threads("notify-delivery-"), new ThreadPoolExecutor.AbortPolicy());
        this.waits = Executors.newSingleThreadScheduledExecutor(threads("notify-wait-"));
    }

    public NotifySchedule schedule() {
        return schedule;
    }

    /** Asks for attempt {@code number} of the notification; returns at once. */
    public void request(String eventId, int number, String via) {
        Attempt attempt = new Attempt(eventId, number, via);
        if (!running) {
            rearm(attempt, clock.instant());
            return;
        }
        try {
            deliveries.execute(ShadowContext.carried(new Job(attempt, null))); // a load-test notification stays one
        } catch (RejectedExecutionException full) {
            log.warn("notification {} attempt {}: every delivery slot is busy, back in {}", eventId, number, BACK_OFF);
            rearm(attempt, clock.instant().plus(BACK_OFF));
        }
    }

    /**
     * A new notification with its first attempt claimed by this instance, to be stored so: the claim's
     * lease runs until the first attempt, started within {@link #CLAIMED_START_LIMIT}, is overdue.
     */
    public Notification claimedFirst(Notification fresh) {
        return fresh.claimedFirst(clock.instant().plus(CLAIMED_START_LIMIT).plus(leaseAfterFirstStart()));
    }

    /** How long a first attempt's claim lasts once its POST has started: the POST's timeout and the first wait. */
    private Duration leaseAfterFirstStart() {
        return timeout.plus(schedule.waitAfter(1).orElse(Duration.ZERO));
    }

    /**
     * Runs the first attempt of a notification stored {@link #claimedFirst claimed} by this instance, with no
     * read and no claim; returns at once. If no delivery slot takes it, the claim is given back and the
     * attempt is armed as a timer, as a requested one would be.
     */
    public void deliverClaimed(Notification claimed) {
        if (!running) {
            giveBack(claimed, clock.instant());
            return;
        }
        try {
            deliveries.execute(ShadowContext.carried(new Job(new Attempt(claimed.eventId(), 1, "event"), claimed)));
        } catch (RejectedExecutionException full) {
            log.warn("notification {} attempt 1: every delivery slot is busy, back in {}", claimed.eventId(), BACK_OFF);
            giveBack(claimed, clock.instant().plus(BACK_OFF));
        }
    }

    private void run(Attempt attempt, Notification claimed) {
        try {
            if (claimed == null) {
                attemptOnce(attempt);
            } else {
                attemptClaimed(attempt, claimed);
            }
        } catch (RuntimeException e) {
            // the database failed us: the notification stays PENDING and overdue, the sweeper brings it back
            log.warn("notification {} attempt {} ({}) failed before its outcome was recorded: {}",
                    attempt.eventId(), attempt.number(), attempt.via(), e.toString());
        }
    }

    private void attemptOnce(Attempt attempt) {
        Optional<Notification> found = store.find(attempt.eventId());
        if (found.isEmpty()) {
            log.warn("notification {} attempt {} ({}): no such notification", attempt.eventId(), attempt.number(), attempt.via());
            return;
        }
        Notification n = found.get();
        int number = attempt.number();
        if (n.status() != NotificationStatus.PENDING || n.attempts() != number - 1) {
            log.debug("notification {} attempt {} ({}) is stale: {} after {} attempts", n.eventId(), number, attempt.via(),
                    n.status(), n.attempts());
            return;
        }
        if (number > schedule.attempts()) {
            // the last attempt was claimed and its outcome never recorded (a crash): the schedule is over
            if (store.giveUp(n.eventId(), n.attempts())) {
                log.warn("notification {} of trade {} GAVE_UP after {} attempts", n.eventId(), n.tradeNo(), n.attempts());
            }
            return;
        }
        Instant now = clock.instant();
        if (n.nextAttemptAt() != null && n.nextAttemptAt().isAfter(now.plus(ON_TIME))) {
            later(attempt, n.nextAttemptAt(), now);
            return;
        }
        Optional<Duration> waitAfter = schedule.waitAfter(number);
        // If this attempt's outcome is never recorded, the sweeper finds it overdue from this time on.
        Instant overdueAt = now.plus(timeout).plus(waitAfter.orElse(Duration.ZERO));
        if (!store.claim(n.eventId(), number - 1, overdueAt)) {
            log.debug("notification {} attempt {} ({}) claimed elsewhere", n.eventId(), number, attempt.via());
            return;
        }
        deliverAndRecord(n, attempt);
    }

    /**
     * The first attempt of a notification stored claimed by this instance. Started late (it waited for a
     * slot past {@link #CLAIMED_START_LIMIT}) its lease may not cover the POST: the claim is given back and
     * the attempt runs as a requested one, claimed afresh with a lease from now.
     */
    private void attemptClaimed(Attempt attempt, Notification n) {
        Instant startBy = n.nextAttemptAt().minus(leaseAfterFirstStart());
        Instant now = clock.instant();
        if (now.isAfter(startBy)) {
            log.info("notification {} attempt 1 waited for a delivery slot past its claim's start limit: claimed afresh",
                    n.eventId());
            if (store.release(n.eventId(), 1, now)) {
                attemptOnce(new Attempt(n.eventId(), 1, attempt.via()));
            }
            return;
        }
        deliverAndRecord(n, attempt);
    }

    /** POSTs attempt {@code attempt.number()}, claimed by this caller, and records what came of it. */
    private void deliverAndRecord(Notification n, Attempt attempt) {
        int number = attempt.number();
        Optional<Duration> waitAfter = schedule.waitAfter(number);
        Delivery delivery = endpoint.deliver(n.notifyUrl(), n.body());
        if (delivery.acknowledged()) {
            store.recordDelivered(n.eventId(), number, delivery);
            log.info("notification {} {} of trade {} DELIVERED at attempt {} ({}): HTTP {} in {} ms", n.eventId(),
                    n.eventType(), n.tradeNo(), number, attempt.via(), delivery.httpStatus(), delivery.durationMs());
            return;
        }
        if (waitAfter.isEmpty()) {
            store.recordGaveUp(n.eventId(), number, delivery);
            log.warn("notification {} {} of trade {} GAVE_UP after attempt {}: {}", n.eventId(), n.eventType(),
                    n.tradeNo(), number, delivery.error());
            return;
        }
        Instant nextAt = clock.instant().plus(waitAfter.get());
        if (!store.recordFailed(n.eventId(), number, delivery, nextAt)) {
            return; // an operator's resend delivered it meanwhile
        }
        log.info("notification {} {} of trade {} attempt {} ({}) failed: {}; attempt {} at {}", n.eventId(), n.eventType(),
                n.tradeNo(), number, attempt.via(), delivery.error(), number + 1, nextAt);
        rearm(new Attempt(n.eventId(), number + 1, "timer"), nextAt);
    }

    /** An early request: wait here if the due time is close, else put it back on the broker. */
    private void later(Attempt attempt, Instant dueAt, Instant now) {
        Duration wait = Duration.between(now, dueAt);
        if (wait.compareTo(LOCAL_WAIT_LIMIT) > 0 || !running) {
            rearm(attempt, dueAt);
            return;
        }
        waiting.put(attempt, dueAt);
        try {
            waits.schedule(ShadowContext.carried(() -> {
                if (waiting.remove(attempt) != null) {
                    request(attempt.eventId(), attempt.number(), attempt.via());
                }
            }), wait.toMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            waiting.remove(attempt);
            rearm(attempt, dueAt);
        }
    }

    /**
     * Gives back the claim of a first attempt stored claimed that will not run here, and arms its timer at
     * {@code dueAt}. If the claim cannot be given back, the claimed attempt counts as lost once its lease
     * ends and the sweeper brings the next one.
     */
    private void giveBack(Notification claimed, Instant dueAt) {
        try {
            if (store.release(claimed.eventId(), 1, dueAt)) {
                rearm(new Attempt(claimed.eventId(), 1, "event"), dueAt);
            }
        } catch (RuntimeException e) {
            log.warn("notification {} attempt 1: claim not given back ({}); the sweeper brings attempt 2 after its lease",
                    claimed.eventId(), e.toString());
        }
    }

    /**
     * Arms the broker timer of an attempt. If the broker cannot take it, the notification stays
     * PENDING with its due time in the database and the sweeper re-arms it once it is overdue.
     */
    private void rearm(Attempt attempt, Instant at) {
        try {
            timers.arm(attempt.eventId(), attempt.number(), at.minus(TIMER_LEAD));
        } catch (RuntimeException e) {
            log.warn("notification {} attempt {}: {}; the sweeper re-arms it", attempt.eventId(), attempt.number(), e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        log.info("merchant notifications: {} attempts, waits {}, timeout {}", schedule.attempts(), schedule, timeout);
    }

    /**
     * Stops taking attempts, hands those not started back to the broker as timers, and lets the
     * ones in flight finish (each within the timeout) so their outcome is recorded.
     */
    @Override
    public void stop() {
        running = false;
        deliveries.shutdown(); // no interrupt: an attempt in flight finishes and records its outcome
        List<Runnable> notStarted = new ArrayList<>();
        deliveries.getQueue().drainTo(notStarted);
        waits.shutdownNow();
        Instant now = clock.instant();
        for (Runnable r : notStarted) {
            if (r instanceof Job job) {
                if (job.claimed != null) {
                    giveBack(job.claimed, now);
                } else {
                    rearm(job.attempt, now);
                }
            }
        }
        waiting.forEach(this::rearm);
        waiting.clear();
        try {
            if (!deliveries.awaitTermination(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS)) {
                log.warn("notification deliveries still running at shutdown; the sweeper finishes them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the timer producer starts, before the consumers that request attempts; stopped in reverse. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
