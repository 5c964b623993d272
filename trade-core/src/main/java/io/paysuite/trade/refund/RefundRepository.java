package io.paysuite.trade.refund;

import io.paysuite.api.refund.RefundStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Refund orders and the merchant refund number index; implemented in {@code infra.refund}. */
public interface RefundRepository {

    /**
     * Inserts into the table the refund number routes to (its trade's shard).
     *
     * @return false when a refund with this number is there already (nothing written)
     */
    boolean insert(RefundOrder refund);

    Optional<RefundOrder> find(String refundNo);

    /**
     * The refunds of these numbers that exist, in no particular order: one statement, which reads only
     * the tables the numbers' genes name. Every number must be a refund number (it reaches the router).
     */
    List<RefundOrder> findAll(Collection<String> refundNos);

    /** Whether a refund of {@code tradeNo} other than {@code refundNo} is still {@code PROCESSING}. */
    boolean othersProcessing(String tradeNo, String refundNo);

    /**
     * Compare-and-set {@code PROCESSING → to}; stamps {@code succeeded_at} on success, the code on failure.
     *
     * @return false when the refund was no longer {@code PROCESSING} (nothing written)
     * @throws io.paysuite.kit.state.StateTable.IllegalTransitionException when {@link RefundTransitions#TABLE}
     *         refuses {@code PROCESSING → to} (nothing written)
     */
    boolean finish(String refundNo, RefundStatus to, String failCode, Instant at);

    /**
     * Claims ({@code merchantId}, {@code outRefundNo}) for {@code refundNo}.
     *
     * @return empty when this call claimed it, otherwise the (refund number, request digest) there first
     */
    Optional<Claim> claim(String merchantId, String outRefundNo, String refundNo, String digest, Instant at);

    Optional<Claim> findClaim(String merchantId, String outRefundNo);

    record Claim(String refundNo, String digest) {
    }
}
