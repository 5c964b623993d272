package io.paysuite.member.buyer;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.PayPasswordVerdict;
import io.paysuite.api.member.VerifyPayPasswordCmd;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Executes {@link VerifyPayPasswordCmd} under the {@link PayPasswordLockout} rule.
 *
 * <ul>
 *   <li>While locked every check answers {@code PAY_PASSWORD_LOCKED} without looking at the
 *       password, so the lock cannot be used as an oracle.</li>
 *   <li>A wrong password is counted by one atomic {@code UPDATE} (no read-modify-write), so
 *       concurrent wrong attempts are each counted; the attempt that reaches the limit sets the
 *       lock and is itself answered {@code PAY_PASSWORD_LOCKED}, the ones before it
 *       {@code PAY_PASSWORD_WRONG} with the attempts left.</li>
 *   <li>A right password resets the count, unless a concurrent wrong attempt locked meanwhile.</li>
 *   <li>After the lock runs out the count starts again from zero.</li>
 *   <li>A right password stored in an older form (BCrypt, or a retired pepper) is stored again in the current one,
 *       compare-and-set on the old form, so the migration needs no downtime and no batch job.</li>
 * </ul>
 */
public final class PayPasswordCheck {

    private final BuyerFinder finder;
    private final BuyerRepository buyers;
    private final PayPasswordHasher hasher;
    private final PayPasswordLockout lockout;
    private final Clock clock;

    public PayPasswordCheck(BuyerFinder finder, BuyerRepository buyers, PayPasswordHasher hasher,
                            PayPasswordLockout lockout, Clock clock) {
        this.finder = finder;
        this.buyers = buyers;
        this.hasher = hasher;
        this.lockout = lockout;
        this.clock = clock;
    }

    public PayPasswordVerdict verify(VerifyPayPasswordCmd cmd) {
        BuyerRules.require(cmd != null, "request", "is required");
        Buyer buyer = finder.find(cmd.buyerId());
        BuyerRules.checkPayPassword(cmd.payPassword());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (lockout.isLocked(buyer.payLockedUntil(), now)) {
            throw locked(buyer.payLockedUntil());
        }
        if (lockout.hasExpired(buyer.payLockedUntil(), now)) {
            buyers.clearExpiredLock(buyer.number(), now);
        }
        if (hasher.matches(cmd.payPassword(), buyer.payPasswordHash())) {
            if (hasher.isOutdated(buyer.payPasswordHash())) {
                // false when the hash changed meanwhile: the newer one stays, this check's answer holds either way
                buyers.replacePayPasswordHash(buyer.number(), buyer.payPasswordHash(), hasher.hash(cmd.payPassword()), now);
            }
            boolean counted = buyer.payFailures() > 0 || buyer.payLockedUntil() != null;
            if (counted && !buyers.resetPayFailures(buyer.number(), now)) {
                throw locked(buyers.findByNumber(buyer.number()).map(Buyer::payLockedUntil).orElse(null));
            }
            return new PayPasswordVerdict(buyer.buyerId(), true);
        }
        PayPasswordState after = buyers.recordWrongPayPassword(buyer.number(), lockout, now);
        if (lockout.isLocked(after.lockedUntil(), now)) {
            throw new BizException(ErrorCode.PAY_PASSWORD_LOCKED, "wrong payment password " + after.failures()
                    + " times in a row; payment password locked until " + after.lockedUntil());
        }
        throw new BizException(ErrorCode.PAY_PASSWORD_WRONG,
                "wrong payment password; " + lockout.attemptsLeft(after.failures()) + " attempts left");
    }

    private static BizException locked(Instant until) {
        return new BizException(ErrorCode.PAY_PASSWORD_LOCKED,
                "payment password locked" + (until == null ? "" : " until " + until));
    }
}
