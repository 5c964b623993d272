package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.recon.ReconKind;
import io.paysuite.api.recon.ReconciliationDTO;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A channel's bill day as reconciled: one per (channel, bill date), refreshed by each run.
 *
 * @param clearedNet  what clearing has moved off {@code CHANNEL_CLEARING} so far: the bill's gross − refunds
 * @param clearedFee  the channel fee clearing has booked so far
 * @param clearingKey the posting key of the last clearing entry, null before the first
 * @param kind        a trade bill's batch or a payout bill's (which clears nothing)
 */
public record ReconBatch(long id, ChannelCode channel, LocalDate billDate, long matched, long differencesOpen,
                         long differencesResolved, BillMatching.Totals totals, long clearedNet, long clearedFee, String clearingKey,
                         int runs, ReconciliationDTO.RunChanges lastRun, Instant createdAt, Instant updatedAt, ReconKind kind) {

    /** The batch with its differences counted as they stand now (operators resolve between runs). */
    public ReconBatch counted(long open, long resolved) {
        return new ReconBatch(id, channel, billDate, matched, open, resolved, totals, clearedNet, clearedFee, clearingKey, runs, lastRun,
                createdAt, updatedAt, kind);
    }

    public ReconciliationDTO toDTO() {
        BillMatching.Totals t = totals;
        return new ReconciliationDTO(id, channel, billDate,
                differencesOpen == 0 ? ReconciliationDTO.BatchStatus.BALANCED : ReconciliationDTO.BatchStatus.DIFFERENCES_OPEN,
                matched, differencesOpen, differencesResolved, t.billPayments(), t.billRefunds(), t.billGross(), t.billRefunded(),
                t.billFee(), t.settled(), t.expected(), clearingKey, runs, lastRun, createdAt, updatedAt, kind);
    }
}
