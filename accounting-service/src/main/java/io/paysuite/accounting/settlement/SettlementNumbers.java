package io.paysuite.accounting.settlement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Deterministic numbers and posting keys of a settlement, so that every re-run and every recovery
 * after a crash names the same things: {@code ST<yyyyMMdd><merchant>} (+ {@code -<currency>} for a
 * currency other than CNY), its payout {@code PO…} and the keys of its entries.
 */
public final class SettlementNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private SettlementNumbers() {
    }

    public static String settlementNo(String merchantId, LocalDate date, String currency) {
        return "ST" + date.format(DAY) + merchantId + ("CNY".equals(currency) ? "" : "-" + currency);
    }

    public static String payoutNo(String settlementNo) {
        return "PO" + settlementNo.substring(2);
    }

    /** Pending → available. */
    public static String moveKey(String settlementNo) {
        return "STL-" + settlementNo;
    }

    /** Available → in transit, before the payout is sent. */
    public static String holdKey(String payoutNo) {
        return "PAYOUT-" + payoutNo;
    }

    /** The payout's final answer booked: one key for both outcomes, so a contradicting answer is refused. */
    public static String finalKey(String payoutNo) {
        return "PAYOUT-FINAL-" + payoutNo;
    }
}
