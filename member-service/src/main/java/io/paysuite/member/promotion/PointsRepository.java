package io.paysuite.member.promotion;

import io.paysuite.api.promotion.HoldStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Points accounts, uses and the movements journal ({@code points_account}, {@code points_use},
 * {@code points_movement}); implemented in {@code infra.promotion}. Every change of an account is one
 * transaction that also writes its movement under a unique key (the grant's request number, or the use
 * key and what happened to it), so a repeat writes nothing twice, and the balance changes by a
 * conditional UPDATE that cannot take {@code available} or {@code frozen} below zero.
 */
public interface PointsRepository {

    /** Zeros for a buyer with no account row. */
    PointsBalance balance(String buyerId);

    /** @return false (nothing written) when the movement key {@code "GRANT:" + requestNo} is taken */
    boolean grant(String buyerId, long points, String requestNo, String reason, Instant now);

    Optional<PointsUse> findUse(String useKey);

    /**
     * In one transaction: the {@code FROZEN} use inserted and its points moved from available to frozen.
     *
     * @return false (nothing written) when the key is taken or the buyer's available points fell below it
     */
    boolean freeze(PointsUse use, Instant now);

    /** A release before any freeze. @return false when the key is taken (nothing written) */
    boolean insertReleased(String useKey, String currency, Instant now);

    /**
     * In one transaction: the use {@code from → to} (compare-and-set) and the account moved accordingly:
     * {@code CONFIRMED} spends the frozen points, {@code RELEASED} makes them available again,
     * {@code RETURNED} gives spent points back.
     *
     * @return false (nothing written) when the use was not in {@code from}
     */
    boolean settle(PointsUse use, HoldStatus from, HoldStatus to, Instant now);
}
