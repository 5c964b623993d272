package io.paysuite.accounting.settlement;

import java.time.Instant;

/**
 * One journal entry that moved a merchant's pending money and is not settled yet, as settlement
 * reads it: the change of the merchant's pending account ({@code pendingDelta}, credits − debits)
 * and the fee the same entry charged (+) or gave back (−).
 */
public record DueEntry(long entryId, String entryNo, String postingKey, String bizType, String bizNo, Instant postedAt,
                       long pendingDelta, long feeDelta) {

    /** Entry kinds whose money is buyers' (gross and fee); everything else on pending is an adjustment. */
    public enum Kind { SALE, REFUND, ADJUSTMENT }

    public Kind kind() {
        return switch (bizType) {
            case "PAYMENT", "RELEASE", "CAPTURE" -> Kind.SALE;
            case "REFUND", "REFUND_REVERSAL" -> Kind.REFUND;
            default -> Kind.ADJUSTMENT;
        };
    }

    /** What buyers paid (+) or got back (−) in this entry, fee included; zero for an adjustment. */
    public long gross() {
        return kind() == Kind.ADJUSTMENT ? 0 : Math.addExact(pendingDelta, feeDelta);
    }

    /** The fee as far as settlement counts it: only a sale's or refund's. */
    public long fee() {
        return kind() == Kind.ADJUSTMENT ? 0 : feeDelta;
    }
}
