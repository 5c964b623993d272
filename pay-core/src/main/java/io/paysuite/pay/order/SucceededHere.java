package io.paysuite.pay.order;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The pay orders this process has just moved to {@code SUCCESS} itself (its compare-and-set won and committed), with
 * nothing left to settle after (no coupon or points): the delayed check that every pay order gets before it is charged
 * fires seconds later and, for these, has nothing to do. Remembering them spares that check its read of the pay order
 * through the sharded data source, which was one of pay-core's largest costs per payment-code payment.
 *
 * <p>Only ever a shortcut: {@code SUCCESS} is final (the transition table has no way out of it), so "succeeded here"
 * stays true; a pay order not remembered — finished by another instance, after a restart, evicted — is read as before.
 * Bounded in size and age (Caffeine: lock-free reads, bounded by a size and a time without a hand-kept map); the
 * window covers the first checks ({@code check-delay}, a payment code's faster pace), after which reads are rare.
 */
final class SucceededHere {

    static final int REMEMBERED = 50_000;
    static final Duration FOR = Duration.ofMinutes(5);

    private final Cache<String, Boolean> succeeded = Caffeine.newBuilder().maximumSize(REMEMBERED).expireAfterWrite(FOR).build();

    void remember(String payOrderNo) {
        succeeded.put(payOrderNo, Boolean.TRUE);
    }

    boolean contains(String payOrderNo) {
        return succeeded.getIfPresent(payOrderNo) != null;
    }

    long size() {
        succeeded.cleanUp();
        return succeeded.estimatedSize();
    }
}
