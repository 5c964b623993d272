package io.paysuite.member.buyer;

import java.time.Instant;
import java.util.Optional;

/** Buyers in table {@code buyer}; implemented in {@code infra.buyer}. */
public interface BuyerRepository {

    /**
     * Inserts a buyer; the unique index on the phone decides a race between registrations.
     *
     * @return the stored buyer with its number, or empty when the phone is already registered
     *         (nothing written)
     */
    Optional<Buyer> insert(NewBuyer buyer);

    Optional<Buyer> findByPhone(String phone);

    Optional<Buyer> findByNumber(long number);

    /**
     * Counts one wrong payment password in a single {@code UPDATE}, so concurrent wrong attempts
     * are each counted, and sets the lock when this attempt reaches {@code lockout.maxFailures()}
     * (a lock already in place is kept, not extended).
     *
     * @return the counter and lock as this attempt left them (read in the same transaction)
     */
    PayPasswordState recordWrongPayPassword(long number, PayPasswordLockout lockout, Instant now);

    /**
     * Starts a new count after a lock ran out: clears the counter and the lock only while that
     * expired lock is still there, so it cannot wipe attempts counted after another clear.
     */
    void clearExpiredLock(long number, Instant now);

    /**
     * Resets the counter after a right payment password, unless a lock started meanwhile.
     *
     * @return false when the buyer is locked at {@code now} (nothing written)
     */
    boolean resetPayFailures(long number, Instant now);

    /**
     * Replaces the buyer's payment-password hash by {@code newHash} only while it is still {@code expectedHash} (a
     * compare-and-set: a password changed meanwhile is never overwritten with the old one's new form); false otherwise.
     */
    boolean replacePayPasswordHash(long number, String expectedHash, String newHash, Instant now);
}
