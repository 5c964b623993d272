package io.paysuite.member.promotion;

import io.paysuite.api.money.Money;

/**
 * The ledger side of points (docs/adr/0008, Decision 4): a grant is the platform's new debt to the buyer,
 * booked {@code Dr MARKETING_EXPENSE / Cr POINTS_LIABILITY} at the points' redemption value, once per
 * grant request. Implemented in {@code infra} over the ledger.
 */
public interface PointsLiability {

    /**
     * Books a grant; idempotent on {@code requestNo}. Throws {@code SERVICE_DEGRADED} when the ledger's
     * answer is not known: the grant is recorded, and its repeat (same request number) books it then.
     */
    void granted(String buyerId, long points, Money value, String requestNo);

    /**
     * Books earned points a refund took back: the debt to the buyer ends and the expense with it
     * ({@code Dr POINTS_LIABILITY / Cr MARKETING_EXPENSE}); idempotent on {@code refundNo}. Throws
     * {@code SERVICE_DEGRADED} when the ledger's answer is not known: the take-back is recorded, and its
     * repeat books it then.
     */
    void takenBack(String buyerId, long points, Money value, String refundNo);
}
