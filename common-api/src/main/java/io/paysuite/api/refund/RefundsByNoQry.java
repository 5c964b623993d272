package io.paysuite.api.refund;

import java.io.Serializable;
import java.util.List;

/**
 * Find several refunds by refund number at once, for an internal caller: at most
 * {@link #MAX_REFUNDS} numbers, else {@code PARAM_ERROR}. No merchant filter (internal callers see
 * any refund, as {@link RefundByNoQry} with a null merchant). A repeated number is read once.
 */
public record RefundsByNoQry(List<String> refundNos) implements Serializable {

    /** The most refund numbers one query may name. */
    public static final int MAX_REFUNDS = 500;

    public RefundsByNoQry {
        refundNos = refundNos == null ? null : List.copyOf(refundNos);
    }
}
