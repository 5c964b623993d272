package io.paysuite.accounting.ledger;

import java.util.Arrays;

/**
 * The {@code biz_type} of entries the ledger builds itself from a trade. Their {@code biz_no} is the
 * trade number, which is how a posting finds its trade's money ({@link TradeFunds}); a general
 * {@code post} may therefore not use these types (it could fake or hide a trade's payment, fee or
 * escrow).
 */
public enum TradeEntryKind {
    PAYMENT, RELEASE, REFUND, REFUND_REVERSAL,
    /** A profit-sharing order of the trade (package {@code sharing}; {@link TradeShares}). */
    PROFIT_SHARE,
    /** A receiver's share given back to the sharing merchant. */
    PROFIT_SHARE_RETURN,
    /** A pre-authorisation's capture: its hold to the merchant (less fee) and back to the buyer. */
    CAPTURE,
    /** A pre-authorisation's void: its hold back to the buyer. */
    VOID;

    public static boolean isReserved(String bizType) {
        return Arrays.stream(values()).anyMatch(kind -> kind.name().equalsIgnoreCase(bizType));
    }
}
