package io.paysuite.member.buyer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link BuyerRepository} in memory with the SQL's semantics: the phone is a unique key, and each
 * counter update is atomic (synchronized stands in for the row lock). Public: the card tests need
 * buyers too.
 */
public final class InMemoryBuyers implements BuyerRepository {

    private final Map<Long, Buyer> byNumber = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong(10_000_000);
    /** Set by tests to simulate a registration that wins the race between find and insert. */
    Runnable beforeInsert = () -> { };

    @Override
    public synchronized Optional<Buyer> insert(NewBuyer b) {
        beforeInsert.run();
        if (findByPhone(b.phone()).isPresent()) {
            return Optional.empty();
        }
        Buyer buyer = new Buyer(numbers.incrementAndGet(), b.phone(), b.loginPasswordHash(), b.payPasswordHash(),
                b.nickname(), io.paysuite.api.member.RealNameStatus.UNVERIFIED, 0, null, b.createdAt());
        byNumber.put(buyer.number(), buyer);
        return Optional.of(buyer);
    }

    @Override
    public Optional<Buyer> findByPhone(String phone) {
        return byNumber.values().stream().filter(b -> b.phone().equals(phone)).findFirst();
    }

    @Override
    public Optional<Buyer> findByNumber(long number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    @Override
    public synchronized PayPasswordState recordWrongPayPassword(long number, PayPasswordLockout lockout, Instant now) {
        Buyer b = byNumber.get(number);
        Instant lockedUntil = b.payLockedUntil();
        if ((lockedUntil == null || !lockedUntil.isAfter(now)) && lockout.locksAt(b.payFailures() + 1)) {
            lockedUntil = lockout.lockUntil(now);
        }
        Buyer after = with(b, b.payFailures() + 1, lockedUntil);
        byNumber.put(number, after);
        return new PayPasswordState(after.payFailures(), after.payLockedUntil());
    }

    @Override
    public synchronized void clearExpiredLock(long number, Instant now) {
        Buyer b = byNumber.get(number);
        if (b.payLockedUntil() != null && !b.payLockedUntil().isAfter(now)) {
            byNumber.put(number, with(b, 0, null));
        }
    }

    @Override
    public synchronized boolean resetPayFailures(long number, Instant now) {
        Buyer b = byNumber.get(number);
        if (b.payLockedUntil() != null && b.payLockedUntil().isAfter(now)) {
            return false;
        }
        byNumber.put(number, with(b, 0, null));
        return true;
    }

    @Override
    public synchronized boolean replacePayPasswordHash(long number, String expectedHash, String newHash, Instant now) {
        Buyer b = byNumber.get(number);
        if (b == null || !b.payPasswordHash().equals(expectedHash)) {
            return false;
        }
        byNumber.put(number, new Buyer(b.number(), b.phone(), b.loginPasswordHash(), newHash, b.nickname(),
                b.realNameStatus(), b.payFailures(), b.payLockedUntil(), b.createdAt()));
        return true;
    }

    private static Buyer with(Buyer b, int failures, Instant lockedUntil) {
        return new Buyer(b.number(), b.phone(), b.loginPasswordHash(), b.payPasswordHash(), b.nickname(),
                b.realNameStatus(), failures, lockedUntil, b.createdAt());
    }
}
