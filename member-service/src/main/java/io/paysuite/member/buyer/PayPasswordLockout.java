package io.paysuite.member.buyer;

import java.time.Duration;
import java.time.Instant;

/**
 * The payment-password lockout rule: the {@code maxFailures}-th wrong password in a row locks
 * payments for {@code duration}. A six-digit password has only a million values, so without a
 * lock an attacker holding a session could simply try them; five tries and fifteen minutes is
 * the common rule of Chinese wallets (the buyer is told how many tries are left).
 */
public record PayPasswordLockout(int maxFailures, Duration duration) {

    public PayPasswordLockout {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1: " + maxFailures);
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("lockout duration must be positive: " + duration);
        }
    }

    public boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** A lock that was set once and has run out: the next attempt starts a new count. */
    public boolean hasExpired(Instant lockedUntil, Instant now) {
        return lockedUntil != null && !lockedUntil.isAfter(now);
    }

    public boolean locksAt(int failures) {
        return failures >= maxFailures;
    }

    public Instant lockUntil(Instant now) {
        return now.plus(duration);
    }

    public int attemptsLeft(int failures) {
        return Math.max(0, maxFailures - failures);
    }
}
