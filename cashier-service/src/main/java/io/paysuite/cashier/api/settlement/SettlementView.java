package io.paysuite.cashier.api.settlement;

import io.paysuite.api.settlement.SettlementDTO;
import io.paysuite.cashier.api.Times;

/**
 * The settlement object of docs/api/API.md (serialized snake_case): amounts in minor units;
 * {@code payout} is null when nothing was paid out (a net of zero or less is carried forward).
 */
public record SettlementView(
        String settlementNo,
        PeriodView period,
        long gross,
        long refunds,
        long fees,
        long adjustments,
        long carriedForward,
        long net,
        String status,
        PayoutView payout) {

    public record PeriodView(String from, String to) {
    }

    public record PayoutView(String payoutNo, String bankAccount, String status, String paidAt) {
    }

    public static SettlementView of(SettlementDTO s, Times times) {
        PayoutView payout = s.payoutNo() == null ? null : new PayoutView(s.payoutNo(), s.bankAccount(),
                s.payoutStatus() == null ? "PROCESSING" : s.payoutStatus().name(), times.format(s.paidAt()));
        return new SettlementView(s.settlementNo(), new PeriodView(s.periodFrom().toString(), s.periodTo().toString()),
                s.gross(), s.refunds(), s.fees(), s.adjustments(), s.carriedForward(), s.net(), s.status().name(), payout);
    }
}
