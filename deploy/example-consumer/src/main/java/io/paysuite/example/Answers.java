package io.paysuite.example;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.dubbo.rpc.RpcException;

/**
 * How a consumer reads a Paysuite answer (docs/architecture.md, "uncertain is not failed"): every
 * method answers a {@link Result}, and {@link Outcome} alone says what it came to.
 * <ul>
 *   <li>{@code SUCCEEDED}: the data;</li>
 *   <li>{@code FAILED}, a definite refusal: nothing happened, {@link Refused} with the code;</li>
 *   <li>{@code UNKNOWN} ({@code SYSTEM_ERROR}, {@code SERVICE_DEGRADED}, a timeout or a lost connection —
 *       an {@link RpcException}): it may have happened. Ask the same question again, under the same
 *       idempotency key, until the answer is definite; never under a new key, which could do it twice.</li>
 * </ul>
 * Waiting for an order to become final is the same loop: query it until its state is final. The
 * pause between two questions is a plain {@code Thread.sleep}: the point of this class is that a reader
 * sees the rule, which a retry library would hide.
 */
final class Answers {

    private final PrintStream out;
    private final Duration within;
    private final Duration every;

    Answers(PrintStream out, Duration within, Duration every) {
        this.out = out;
        this.within = within;
        this.every = every;
    }

    /** The data of {@code call}'s first definite success, asking again while the outcome is unknown. */
    <T> T definite(String what, Supplier<Result<T>> call) {
        return until(what, call, data -> true);
    }

    /**
     * Asks {@code query} until its data is {@code isFinal}: waiting for an order the services finish
     * asynchronously, or for an unknown answer to become known.
     */
    <T> T until(String what, Supplier<Result<T>> query, Predicate<T> isFinal) {
        long deadline = System.nanoTime() + within.toNanos();
        String last;
        while (true) {
            Result<T> result;
            try {
                result = query.get();
            } catch (RpcException e) {
                result = null; // transport fault: the call may or may not have run
            }
            switch (Outcome.of(result)) {
                case SUCCEEDED -> {
                    if (isFinal.test(result.data())) {
                        return result.data();
                    }
                    last = String.valueOf(result.data());
                }
                case FAILED -> throw new Refused(what, result.code(), result.message());
                case UNKNOWN -> {
                    last = result == null ? "no answer" : result.code();
                    out.printf("      %s: outcome unknown (%s): asking the same again, under the same key%n", what, last);
                }
                default -> throw new IllegalStateException();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new StillUnknown(what, last);
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(every.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
