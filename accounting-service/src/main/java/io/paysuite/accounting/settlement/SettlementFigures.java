package io.paysuite.accounting.settlement;

import java.util.List;

/**
 * The arithmetic of one settlement, from the entries it settles: {@code gross} (sales: payments and
 * guarantee releases, fee included), {@code refunds} (refunds, less refund reversals, fee included),
 * {@code fees} (charged less given back), {@code adjustments} (every other movement of pending) and
 * {@code moved}, what goes from pending to available, which is always exactly the sum of the entries'
 * pending changes: {@code moved = gross − refunds − fees + adjustments}. {@code net} adds what was
 * already available ({@code carriedForward}); negative means the merchant owes it to the next one.
 */
public record SettlementFigures(long gross, long refunds, long fees, long adjustments, long moved, long carriedForward,
                                long net) {

    public static SettlementFigures of(List<DueEntry> entries, long carriedForward) {
        long gross = 0;
        long refunds = 0;
        long fees = 0;
        long adjustments = 0;
        long moved = 0;
        for (DueEntry entry : entries) {
            switch (entry.kind()) {
                case SALE -> gross = Math.addExact(gross, entry.gross());
                case REFUND -> refunds = Math.subtractExact(refunds, entry.gross());
                case ADJUSTMENT -> adjustments = Math.addExact(adjustments, entry.pendingDelta());
            }
            fees = Math.addExact(fees, entry.fee());
            moved = Math.addExact(moved, entry.pendingDelta());
        }
        if (gross - refunds - fees + adjustments != moved) {
            throw new IllegalStateException("ALARM: settlement figures do not add up to the pending change " + moved);
        }
        return new SettlementFigures(gross, refunds, fees, adjustments, moved, carriedForward,
                Math.addExact(carriedForward, moved));
    }
}
