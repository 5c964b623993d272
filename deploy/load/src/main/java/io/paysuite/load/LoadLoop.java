package io.paysuite.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Drives one operation repeatedly and records every answer that started inside the measured window.
 * <ul>
 *   <li>closed loop: {@code n} callers, each starting its next operation when the last answered (a till
 *       waiting for its answer) — throughput is what the suite sustains at that concurrency;</li>
 *   <li>open loop: operations start at a fixed rate whatever the answers take, and each latency counts from
 *       when the operation was due, not when a thread got to it (no coordinated omission: a stall shows as
 *       the latency every due operation suffered).</li>
 * </ul>
 */
public final class LoadLoop {

    /** What a step measured: the tally of its window and how long the window really was. */
    public record Window(Tally tally, long nanos) {
        public double perSecond() {
            return (tally.ok() + tally.errors().values().stream().mapToLong(Long::longValue).sum()) * 1e9 / nanos;
        }
    }

    /** Called at the start and the end of the measured window (process CPU and database snapshots). */
    public interface Marks {
        void start();

        void end();
    }

    private LoadLoop() {
    }

    public static Window closed(Supplier<String> operation, int callers, Duration warmup, Duration measured, Marks marks)
            throws InterruptedException {
        Tally tally = new Tally();
        long begin = System.nanoTime();
        long windowStart = begin + warmup.toNanos();
        long windowEnd = windowStart + measured.toNanos();
        AtomicBoolean marked = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread caller = new Thread(() -> {
                while (true) {
                    long started = System.nanoTime();
                    if (started >= windowEnd) {
                        return;
                    }
                    if (started >= windowStart && marked.compareAndSet(false, true)) {
                        marks.start();
                    }
                    String code = operation.get();
                    if (started >= windowStart) {
                        tally.record(code, System.nanoTime() - started);
                    }
                }
            }, "bench-" + i);
            caller.start();
            threads.add(caller);
        }
        long sleep = windowEnd - System.nanoTime();
        if (sleep > 0) {
            TimeUnit.NANOSECONDS.sleep(sleep);
        }
        marks.end(); // the window closes for CPU and counters; operations still in flight are not counted
        for (Thread t : threads) {
            t.join();
        }
        return new Window(tally, measured.toNanos());
    }

    public static Window open(Supplier<String> operation, double perSecond, Duration warmup, Duration measured, Marks marks)
            throws InterruptedException {
        Tally tally = new Tally();
        long interval = (long) (1e9 / perSecond);
        long begin = System.nanoTime();
        long windowStart = begin + warmup.toNanos();
        long windowEnd = windowStart + measured.toNanos();
        Semaphore inFlight = new Semaphore(1024); // past this the suite is not keeping up: counted as a refusal, not queued forever
        boolean marked = false;
        ExecutorService callers = Executors.newCachedThreadPool();
        try {
            for (long due = begin; due < windowEnd; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (!marked && due >= windowStart) {
                    marks.start();
                    marked = true;
                }
                long intended = due;
                boolean measuredOne = due >= windowStart;
                if (!inFlight.tryAcquire()) {
                    if (measuredOne) {
                        tally.record("BENCH_OVERLOADED", System.nanoTime() - intended);
                    }
                    continue;
                }
                callers.submit(() -> {
                    try {
                        String code = operation.get();
                        if (measuredOne) {
                            tally.record(code, System.nanoTime() - intended);
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
            marks.end();
        } finally {
            callers.shutdown();
            callers.awaitTermination(2, TimeUnit.MINUTES);
        }
        return new Window(tally, measured.toNanos());
    }
}
