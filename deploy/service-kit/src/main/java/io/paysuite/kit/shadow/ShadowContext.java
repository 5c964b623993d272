package io.paysuite.kit.shadow;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Whether the work on this thread is load traffic (a full-link load test): set where a request comes in
 * (the open API's header, a Dubbo attachment, a RocketMQ user property) and read where it would leave a
 * trace — the databases (shadow schemas), merchant notifications (suppressed) and channel calls (sandbox
 * only). One mark, three carriers:
 * <pre>
 *   HTTP (open API)   header      {@value #HEADER}: 1     accepted by cashier-service's open-API gate only
 *   Dubbo             attachment  {@value #ATTACHMENT}: 1  {@link ShadowDubboFilters}
 *   RocketMQ          property    {@value #PROPERTY}: 1    {@link ShadowMessages}, on every message the kit sends
 * </pre>
 * A plain {@link ThreadLocal} rather than a scoped value (Java 17) or an OpenTelemetry baggage entry: the
 * mark decides where money rows go, so it must not depend on tracing being configured or sampled; and it
 * is one boolean, read once per connection, which costs unmarked traffic one thread-local read.
 *
 * <p>Scopes nest and restore what was there before ({@code try (var mark = ShadowContext.enter(...))}), so a
 * pooled thread (Dubbo's, RocketMQ's, an executor's) never keeps the mark of the work it did last. Work that
 * hops threads takes the mark along with {@link #carried(Runnable)} / {@link #carrying(Executor)}; work
 * that hops through the broker (events, durable timers, retries, late copies) carries it in the message.
 */
public final class ShadowContext {

    /** The open API's header marking a request as load traffic; only the value {@code 1} marks it. */
    public static final String HEADER = "X-Paysuite-Load-Test";
    /** The Dubbo attachment carrying the mark to a provider. */
    public static final String ATTACHMENT = "paysuite-load-test";
    /** The RocketMQ user property carrying the mark to a consumer (and back to a check-back). */
    public static final String PROPERTY = "PAYSUITE_LOAD_TEST";
    /** The value every carrier uses for "marked". */
    public static final String MARKED = "1";

    private static final ThreadLocal<Boolean> CURRENT = new ThreadLocal<>();
    /**
     * Whether this process has a shadow side ({@code paysuite.shadow.enabled}, set once at start by
     * {@link ShadowAutoConfiguration}). A process without one refuses marked work it is handed (a Dubbo call, a
     * message) instead of running it on its real databases: a suite where one service was left without its
     * shadow must fail the load test, never write load rows into real tables.
     */
    private static volatile boolean accepted;
    private static final Scope UNCHANGED = new Scope(null, false);

    private ShadowContext() {
    }

    /** Whether this process runs load traffic on a shadow side; see {@link #accepted}. */
    public static boolean accepted() {
        return accepted;
    }

    /** Set once at start from {@code paysuite.shadow.enabled}. */
    static void accept(boolean enabled) {
        accepted = enabled;
    }

    /** Throws when marked work reached a process without a shadow side. */
    public static void requireAccepted(String what) {
        if (!accepted) {
            throw new IllegalStateException("load traffic (" + what + ") reached a service with paysuite.shadow.enabled=false:"
                    + " refused rather than run on real data");
        }
    }

    /** Whether the current work is load traffic. */
    public static boolean active() {
        return CURRENT.get() != null;
    }

    /** Marks the current work as load traffic until the scope closes. */
    public static Scope enter() {
        return enter(true);
    }

    /**
     * Sets the mark to exactly {@code marked} until the scope closes: an unmarked message handled on a thread
     * that somehow still carried the mark runs unmarked.
     */
    public static Scope enter(boolean marked) {
        Boolean previous = CURRENT.get();
        if (previous == null && !marked) {
            return UNCHANGED; // the common case of real traffic: nothing to set, nothing to restore
        }
        if (marked) {
            CURRENT.set(Boolean.TRUE);
        } else {
            CURRENT.remove();
        }
        return new Scope(previous, true);
    }

    /** Whether a carrier's value ({@code null} when absent) marks load traffic. */
    public static boolean marks(String carried) {
        return MARKED.equals(carried);
    }

    /** {@code task} running with the mark the caller has now, on whatever thread runs it. */
    public static Runnable carried(Runnable task) {
        if (!active()) {
            return task;
        }
        return () -> {
            try (Scope ignored = enter()) {
                task.run();
            }
        };
    }

    /** {@code task} running with the mark the caller has now, on whatever thread runs it. */
    public static <T> Callable<T> carried(Callable<T> task) {
        if (!active()) {
            return task;
        }
        return () -> {
            try (Scope ignored = enter()) {
                return task.call();
            }
        };
    }

    /** An executor whose tasks run with the mark their submitter had. */
    public static Executor carrying(Executor executor) {
        return task -> executor.execute(carried(task));
    }

    /** Restores the mark that was there before it was entered; closing twice is harmless. */
    public static final class Scope implements AutoCloseable {

        private final Boolean previous;
        private boolean open;

        private Scope(Boolean previous, boolean open) {
            this.previous = previous;
            this.open = open;
        }

        @Override
        public void close() {
            if (!open) {
                return;
            }
            open = false;
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
