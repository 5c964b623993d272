package io.paysuite.member.buyer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PayPasswordLockoutTest {

    private final PayPasswordLockout lockout = new PayPasswordLockout(5, Duration.ofMinutes(15));
    private final Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void theFifthFailureLocksAndNotBefore() {
        assertThat(lockout.locksAt(4)).isFalse();
        assertThat(lockout.locksAt(5)).isTrue();
        assertThat(lockout.locksAt(9)).isTrue();
    }

    @Test
    void attemptsLeftCountDownToZeroAndNoFurther() {
        assertThat(lockout.attemptsLeft(0)).isEqualTo(5);
        assertThat(lockout.attemptsLeft(4)).isEqualTo(1);
        assertThat(lockout.attemptsLeft(7)).isZero();
    }

    @Test
    void aLockHoldsUntilItsInstantAndThenHasExpired() {
        Instant until = lockout.lockUntil(now);
        assertThat(until).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(lockout.isLocked(until, now.plusSeconds(899))).isTrue();
        assertThat(lockout.isLocked(until, until)).isFalse();
        assertThat(lockout.hasExpired(until, until)).isTrue();
        assertThat(lockout.isLocked(null, now)).isFalse();
        assertThat(lockout.hasExpired(null, now)).isFalse();
    }

    @Test
    void nonsensicalSettingsAreRefusedAtStartup() {
        assertThatThrownBy(() -> new PayPasswordLockout(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PayPasswordLockout(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
