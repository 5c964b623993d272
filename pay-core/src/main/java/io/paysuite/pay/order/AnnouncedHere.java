package io.paysuite.pay.order;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The {@code SUCCESS} pay orders whose {@code PAY_SUCCEEDED} this process saw the broker take: the send after its own
 * compare-and-set was stored (or, transactional delivery, the broker held the half message), or a check here sent it
 * again. The delayed check that every pay order gets before it is charged fires seconds later and, for these, has no
 * announcement to send; for one with nothing left to settle either (no coupon or points) it has nothing to do at all
 * and reads nothing. Sparing that read of the pay order through the sharded data source was one of pay-core's largest
 * savings per payment-code payment.
 *
 * <p>Only ever a shortcut, never the record of delivery: that is the row's announced mark
 * ({@link PayOrder#announcedAt}), which the check on the other instance — the two share its consumer group — reads.
 * A pay order not remembered — a send that failed, a crash between commit and send, finished by another instance,
 * after a restart, evicted — is read, and if it is {@code SUCCESS} and not marked its announcement is sent again (a
 * duplicate at worst; consumers take one). {@code SUCCESS} is final
 * (the transition table has no way out of it), so what is remembered stays true. Bounded in size and age (Caffeine:
 * lock-free reads, bounded by a size and a time without a hand-kept map); the window covers the first checks
 * ({@code check-delay}, a payment code's faster pace), after which reads are rare.
 */
final class AnnouncedHere {

    static final int REMEMBERED = 50_000;
    static final Duration FOR = Duration.ofMinutes(5);

    /** Whether the check still settles the pay order's coupon and points. */
    private final Cache<String, Boolean> announced = Caffeine.newBuilder().maximumSize(REMEMBERED).expireAfterWrite(FOR).build();

    /** The broker has {@code paid}'s announcement. */
    void remember(PayOrder paid) {
        announced.put(paid.payOrderNo(), paid.parts().combination());
    }

    /** Whether its announcement was stored from here (a check sends nothing). */
    boolean announced(String payOrderNo) {
        return announced.getIfPresent(payOrderNo) != null;
    }

    /** Announced from here with no coupon or points to settle: its check has nothing to do and reads nothing. */
    boolean nothingLeft(String payOrderNo) {
        return Boolean.FALSE.equals(announced.getIfPresent(payOrderNo));
    }

    long size() {
        announced.cleanUp();
        return announced.estimatedSize();
    }
}
