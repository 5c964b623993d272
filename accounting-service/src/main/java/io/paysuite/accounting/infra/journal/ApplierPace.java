package io.paysuite.accounting.infra.journal;

import java.time.Duration;

/**
 * When the hot-account applier's next round is due. A signal (this instance buffered lines) or a
 * round that applied something keeps the pace at {@code interval}; each round that found nothing
 * doubles the wait, up to {@code idleMax}. Not thread-safe on its own: the applier calls it from
 * its one scheduling thread and under its lock.
 */
final class ApplierPace {

    private final Duration interval;
    private final Duration idleMax;
    private Duration idle;

    ApplierPace(Duration interval, Duration idleMax) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("apply interval must be positive: " + interval);
        }
        this.interval = interval;
        this.idleMax = idleMax.compareTo(interval) < 0 ? interval : idleMax;
        this.idle = this.interval;
    }

    Duration interval() {
        return interval;
    }

    /** Lines were buffered here: the next round within one interval. */
    synchronized Duration afterSignal() {
        idle = interval;
        return interval;
    }

    /** A round applied {@code applied} lines: the wait before the next one. */
    synchronized Duration afterRound(int applied) {
        if (applied > 0) {
            idle = interval;
            return interval;
        }
        Duration wait = idle;
        idle = idle.multipliedBy(2).compareTo(idleMax) > 0 ? idleMax : idle.multipliedBy(2);
        return wait;
    }
}
