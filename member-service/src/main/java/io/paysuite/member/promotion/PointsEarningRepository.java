package io.paysuite.member.promotion;

import java.time.Instant;
import java.util.Optional;

/**
 * Points earned on payments and taken back by refunds ({@code points_earning}, {@code points_take_back}, with the
 * account and its movements of {@link PointsRepository}); implemented in {@code infra.promotion}. Each write is
 * one transaction keyed by the trade number (an earning) or the refund number (a take-back), so a repeated
 * event writes nothing twice.
 */
public interface PointsEarningRepository {

    /** How a take-back's write ended. */
    enum TakeBackWrite {
        /** Written: the take-back row, the earning moved on, the account debited and its movement. */
        WRITTEN,
        /** Nothing written: this refund was taken back before. */
        REPEAT,
        /** Nothing written: another refund moved the earning, or the buyer's points changed, since they were read. */
        STALE
    }

    Optional<PointsEarning> find(String tradeNo);

    Optional<PointsTakeBack> findTakeBack(String refundNo);

    /**
     * In one transaction: the earning inserted and, when it earned points, the account credited with the movement
     * {@code "GRANT:" + requestNo}.
     *
     * @return false (nothing written) when the trade's earning exists
     */
    boolean earn(PointsEarning earning, String requestNo, String reason, Instant now);

    /**
     * In one transaction: the take-back inserted, the earning moved from {@code before} (compare-and-set on its
     * refunds) by {@code refundMinor}, and {@code takeBack.taken()} points moved out of the buyer's available ones
     * with the movement {@code "TAKE_BACK:" + refundNo} — never below zero.
     */
    TakeBackWrite takeBack(PointsEarning before, long refundMinor, PointsTakeBack takeBack, Instant now);
}
