package io.paysuite.kit.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.BinaryOperator;

/**
 * A small in-process memory of what this instance did moments ago, bounded twice: at most {@code capacity} entries
 * (the oldest forgotten first) and each for at most {@code retain}. The services keep such memories to skip a read of
 * a row they have just written (trade-core's written and final trades, the gateway's recorded final results); a miss
 * always falls back to the read, so forgetting is never wrong, only slower.
 *
 * <p>One lock around a {@link LinkedHashMap} in the order entries were put (a key put again moves to the young end),
 * so the oldest are at the head and expiry stops at the first young one: a put or a look-up is a few map operations.
 * Caffeine would do the same with more machinery; these memories are per-request hot paths of a few thousand entries,
 * and their tests drive time with a {@link Clock}.
 */
public final class RecentlyKept<K, V> {

    private record Entry<V>(V value, Instant at) {
    }

    private final int capacity;
    private final Duration retain;
    private final Clock clock;
    private final LinkedHashMap<K, Entry<V>> kept = new LinkedHashMap<>();

    /** @param capacity 0, or a zero {@code retain}, keeps nothing */
    public RecentlyKept(int capacity, Duration retain, Clock clock) {
        if (capacity < 0 || retain == null || retain.isNegative() || clock == null) {
            throw new IllegalArgumentException("a recent memory needs a capacity of 0 or more, a retention and a clock");
        }
        this.capacity = capacity;
        this.retain = retain;
        this.clock = clock;
    }

    /** Whether this memory keeps anything at all. */
    public boolean keeps() {
        return capacity > 0 && !retain.isZero();
    }

    /** Keeps {@code value} under {@code key} from now on. */
    public void put(K key, V value) {
        put(key, value, (before, now) -> now);
    }

    /**
     * Keeps what {@code choose} picks of the value kept under {@code key} (if any, still young or not) and {@code value};
     * a value kept from before keeps its time, but the key moves to the young end.
     */
    public void put(K key, V value, BinaryOperator<V> choose) {
        if (!keeps()) {
            return;
        }
        Instant now = clock.instant();
        synchronized (kept) {
            Entry<V> before = kept.remove(key);
            V chosen = before == null ? value : choose.apply(before.value(), value);
            kept.put(key, before != null && chosen == before.value() ? before : new Entry<>(chosen, now));
            forgetOld(now);
        }
    }

    /** The value kept under {@code key} no longer ago than {@code retain}; empty when it does not know. */
    public Optional<V> get(K key) {
        if (!keeps()) {
            return Optional.empty();
        }
        Instant oldest = clock.instant().minus(retain);
        synchronized (kept) {
            Entry<V> entry = kept.get(key);
            return entry == null || entry.at().isBefore(oldest) ? Optional.empty() : Optional.of(entry.value());
        }
    }

    public void remove(K key) {
        if (!keeps()) {
            return;
        }
        synchronized (kept) {
            kept.remove(key);
        }
    }

    /** How many entries are kept now (expired ones included until the next put). */
    public int size() {
        synchronized (kept) {
            return kept.size();
        }
    }

    /** Drops the oldest while over {@code capacity} or older than {@code retain}; holds the lock. */
    private void forgetOld(Instant now) {
        Instant oldest = now.minus(retain);
        for (Iterator<Entry<V>> it = kept.values().iterator(); it.hasNext(); ) {
            Entry<V> entry = it.next();
            if (kept.size() <= capacity && !entry.at().isBefore(oldest)) {
                return;
            }
            it.remove();
        }
    }
}
