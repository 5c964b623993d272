package io.paysuite.cashier.notify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a notification is tried again (API.md): attempt 1 goes at once; after a failed attempt
 * {@code n} the next one waits {@code waits[n-1]}; after the attempt that follows the last wait
 * the notification is given up. With API.md's fifteen waits that is sixteen attempts over
 * 24 h 4 m, the shape of WeChat Pay's notification retries.
 */
public final class NotifySchedule {

    private final List<Duration> waits;

    public NotifySchedule(List<Duration> waits) {
        if (waits == null || waits.isEmpty() || waits.stream().anyMatch(w -> w == null || w.isNegative() || w.isZero())) {
            throw new IllegalArgumentException("a schedule is a non-empty list of positive waits: " + waits);
        }
        this.waits = List.copyOf(waits);
    }

    /** The number of attempts before giving up: the first one plus one per wait. */
    public int attempts() {
        return waits.size() + 1;
    }

    /**
     * The wait after attempt {@code attempt} failed, or empty when it was the last one and the
     * notification is given up.
     */
    public Optional<Duration> waitAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        return attempt <= waits.size() ? Optional.of(waits.get(attempt - 1)) : Optional.empty();
    }

    /** From the first attempt to the last, if every attempt fails at once. */
    public Duration span() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        return waits.toString();
    }
}
