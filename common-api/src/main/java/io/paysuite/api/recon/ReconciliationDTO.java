package io.paysuite.api.recon;

import io.paysuite.api.channel.ChannelCode;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One channel's bill day reconciled: one batch per (channel, bill date), refreshed by every run.
 *
 * @param status              {@code BALANCED} when no difference is open or escalated, else {@code DIFFERENCES_OPEN}
 * @param matched             bill lines (payments and refunds) that agree with ours
 * @param differencesOpen     differences open or escalated
 * @param differencesResolved differences resolved
 * @param billGrossMinor      the bill's payments
 * @param billRefundedMinor   the bill's refunds (positive)
 * @param billFeeMinor        the channel's fees in the bill (net of fees returned with refunds)
 * @param settledMinor        what the channel settles: gross − refunds − fee (what clearing moves to the bank)
 * @param expectedMinor       what we expected it to settle: our payments − our refunds of that day, minus the fee the
 *                            routing rules' rates give for the bill's lines (the bill's own fee for a line whose rate
 *                            no rule states); a fee that differs from the bill's is a {@code FEE_MISMATCH} difference
 * @param clearingPostingKey  the clearing entry's key once posted, else null
 * @param runs                how many times the day was reconciled
 * @param lastRun             what the last run changed
 * @param kind                {@code TRADE} (payments and refunds) or {@code PAYOUT} (the payout channel's transfers;
 *                            {@code billPayments}/{@code billGrossMinor} are its transfers out, {@code billRefunds}/
 *                            {@code billRefundedMinor} the bank's returns, and nothing is cleared)
 */
public record ReconciliationDTO(long reconciliationId, ChannelCode channel, LocalDate billDate, BatchStatus status, long matched,
                                long differencesOpen, long differencesResolved, long billPayments, long billRefunds,
                                long billGrossMinor, long billRefundedMinor, long billFeeMinor, long settledMinor,
                                long expectedMinor, String clearingPostingKey, int runs, RunChanges lastRun, Instant createdAt,
                                Instant updatedAt, ReconKind kind) implements Serializable {

    public ReconciliationDTO {
        kind = kind == null ? ReconKind.TRADE : kind;
    }

    /** A trade bill's batch (the shape before payout batches existed). */
    public ReconciliationDTO(long reconciliationId, ChannelCode channel, LocalDate billDate, BatchStatus status, long matched,
                             long differencesOpen, long differencesResolved, long billPayments, long billRefunds,
                             long billGrossMinor, long billRefundedMinor, long billFeeMinor, long settledMinor,
                             long expectedMinor, String clearingPostingKey, int runs, RunChanges lastRun, Instant createdAt,
                             Instant updatedAt) {
        this(reconciliationId, channel, billDate, status, matched, differencesOpen, differencesResolved, billPayments, billRefunds,
                billGrossMinor, billRefundedMinor, billFeeMinor, settledMinor, expectedMinor, clearingPostingKey, runs, lastRun,
                createdAt, updatedAt, ReconKind.TRADE);
    }

    public enum BatchStatus {
        BALANCED,
        DIFFERENCES_OPEN
    }

    /**
     * What one run changed: differences found for the first time, ones that disappeared (resolved as
     * {@code SELF_HEALED}) and ones the system resolved itself.
     */
    public record RunChanges(int added, int selfHealed, int autoResolved, int escalated) implements Serializable {
    }
}
