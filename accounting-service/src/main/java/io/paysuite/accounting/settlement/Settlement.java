package io.paysuite.accounting.settlement;

import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.settlement.SettlementDTO;
import io.paysuite.api.settlement.SettlementStatus;
import java.time.Instant;
import java.time.LocalDate;

/** A stored settlement (table {@code settlement}). */
public record Settlement(String settlementNo, String merchantId, String currency, LocalDate settleDate, LocalDate periodFrom,
                         LocalDate periodTo, Instant cutoffAt, SettlementFigures figures, SettlementStatus status,
                         String payoutNo, String bankAccount, PayoutStatus payoutStatus, Instant paidAt, Instant createdAt) {

    public SettlementDTO toDto() {
        return new SettlementDTO(settlementNo, merchantId, settleDate, periodFrom, periodTo, currency, figures.gross(),
                figures.refunds(), figures.fees(), figures.adjustments(), figures.carriedForward(), figures.net(), status,
                payoutNo, bankAccount, payoutStatus, paidAt, createdAt);
    }

    public Settlement withPayout(String payoutNo, String bankAccount, PayoutStatus payoutStatus) {
        return new Settlement(settlementNo, merchantId, currency, settleDate, periodFrom, periodTo, cutoffAt, figures, status,
                payoutNo, bankAccount, payoutStatus, paidAt, createdAt);
    }

    public Settlement finished(SettlementStatus to, PayoutStatus payoutStatus, Instant paidAt) {
        return new Settlement(settlementNo, merchantId, currency, settleDate, periodFrom, periodTo, cutoffAt, figures, to,
                payoutNo, bankAccount, payoutStatus, paidAt, createdAt);
    }
}
