package io.paysuite.channel.recon;

import io.paysuite.kit.routing.RoutingRule;
import java.util.Optional;

/**
 * A channel's agreed fee for one method, as a routing rule states it ({@code fee_bps}, {@code fee_fixed_minor}), in the
 * form a bill line is checked against: a payment of {@code a} fen is charged {@code a × bps / 10 000} rounded half up
 * to the fen, plus the fixed part; a refund of {@code r} fen gives back {@code r × bps / 10 000} rounded half up and
 * never the fixed part. Worked: 60 bps on 1 202 fen → 7.212 → 7; on 1 250 fen → 7.5 → 8; a refund of 404 fen gives
 * back 2.424 → 2.
 *
 * <p>Half up, not the routing rule's own {@link RoutingRule#feeMinor} (which rounds up): that one ranks channels by
 * the most a payment may cost; Alipay, WeChat Pay and UnionPay state each line's fee rounded half up to the fen.
 */
public record FeeRate(long basisPoints, long fixedMinor) {

    private static final long PARTS = 10_000;

    /** The rate a rule states; empty when it states neither part (no rate agreed there: nothing to check against). */
    public static Optional<FeeRate> of(RoutingRule rule) {
        if (rule.feeBps() == null && rule.feeFixedMinor() == null) {
            return Optional.empty();
        }
        return Optional.of(new FeeRate(rule.feeBps() == null ? 0 : rule.feeBps(), rule.feeFixedMinor() == null ? 0 : rule.feeFixedMinor()));
    }

    /** The fee of a payment of {@code amountMinor}. */
    public long onPayment(long amountMinor) {
        return halfUp(amountMinor) + fixedMinor;
    }

    /** The fee given back with a refund of {@code refundedMinor} (positive): a negative fee. */
    public long onRefund(long refundedMinor) {
        return -halfUp(refundedMinor);
    }

    private long halfUp(long amountMinor) {
        return Math.floorDiv(Math.multiplyExact(Math.abs(amountMinor), basisPoints) + PARTS / 2, PARTS);
    }
}
