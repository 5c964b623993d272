package io.paysuite.member.buyer;

import java.time.Instant;

/** A buyer's payment-password counter and lock right after one attempt was counted. */
public record PayPasswordState(int failures, Instant lockedUntil) {
}
