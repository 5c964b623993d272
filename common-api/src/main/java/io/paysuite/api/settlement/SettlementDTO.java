package io.paysuite.api.settlement;

import io.paysuite.api.payout.PayoutStatus;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One merchant's settlement of one run date, amounts in minor units of {@code currency}. What moved
 * from pending to available is {@code gross − refunds − fees + adjustments}; {@code net} adds what
 * was already available before ({@code carriedForward}: a negative balance left by refunds after an
 * earlier settlement, or a failed payout's money back) and is what the payout pays when positive.
 *
 * @param settleDate    the run date; with the merchant's cycle T+N it settles postings of days up to {@code periodTo} = date − N
 * @param periodFrom    the first day of the postings it settled (the day after the previous settlement's {@code periodTo})
 * @param payoutNo      null when nothing was paid out (net ≤ 0)
 * @param bankAccount   the payout's account, masked (last four digits)
 * @param payoutStatus  null when nothing was paid out
 * @param paidAt        when the payout succeeded
 */
public record SettlementDTO(String settlementNo, String merchantId, LocalDate settleDate, LocalDate periodFrom,
                            LocalDate periodTo, String currency, long gross, long refunds, long fees, long adjustments,
                            long carriedForward, long net, SettlementStatus status, String payoutNo, String bankAccount,
                            PayoutStatus payoutStatus, Instant paidAt, Instant createdAt) implements Serializable {
}
