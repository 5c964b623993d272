package io.paysuite.pay.order;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A pay order's first check on its way to the broker ({@link PayChecks#start}). The trade may be taken while it
 * travels; nothing may be charged until {@link #awaitStored} says the broker has it, so that a crash after the
 * charge always leaves a check to finish the payment.
 *
 * <p>The broker's answer arrives through {@link #stored} or {@link #notStored}, whichever comes first (later ones are
 * ignored), on whatever thread the sender runs them: they never block. No answer within {@code bound} counts as not
 * stored: the payment is then refused with nothing charged, and a check the broker stored after all only finds its
 * pay order failed and gives the trade back again (a compare-and-set naming the pay order, a no-op by then).
 */
public final class PendingCheck {

    private final CompletableFuture<Void> answer = new CompletableFuture<>();
    private final Duration bound;

    private PendingCheck(Duration bound) {
        if (bound == null || bound.isNegative()) {
            throw new IllegalArgumentException("a pending check needs a non-negative bound");
        }
        this.bound = bound;
    }

    /** A check sent and not answered yet; {@link #awaitStored} waits at most {@code bound} for the broker. */
    public static PendingCheck sending(Duration bound) {
        return new PendingCheck(bound);
    }

    /** The broker stored the check. */
    public void stored() {
        answer.complete(null);
    }

    /** The broker did not store the check, or may not have. */
    public void notStored(RuntimeException why) {
        answer.completeExceptionally(why);
    }

    /**
     * Waits for the broker's answer, at most the bound.
     *
     * @throws IllegalStateException when the check was not stored, may not have been, or no answer came in time
     */
    public void awaitStored() {
        try {
            answer.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException notStored) {
            throw new IllegalStateException("check not stored: " + notStored.getCause(), notStored.getCause());
        } catch (TimeoutException slow) {
            throw new IllegalStateException("check not stored: no answer from the broker within " + bound);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("check not stored: interrupted while waiting for the broker");
        }
    }
}
