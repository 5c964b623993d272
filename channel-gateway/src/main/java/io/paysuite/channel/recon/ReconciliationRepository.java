package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.recon.DifferenceStatus;
import io.paysuite.api.recon.ReconKind;
import io.paysuite.api.recon.ResolutionDTO;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reconciliation batches and their differences. A batch is unique per (kind, channel, bill date) and a difference per
 * (batch, kind, type, number) — unique indexes, so two runs at once store one of each; a difference's status moves
 * only by compare-and-set inside {@link DifferenceTransitions#TABLE}.
 */
public interface ReconciliationRepository {

    /** The day's batch of that kind, created empty if it has none (whoever creates it, both callers read the same one). */
    ReconBatch batchFor(ReconKind kind, ChannelCode channel, LocalDate billDate, String currency, Instant at);

    Optional<ReconBatch> batch(long id);

    /** The newest batches, of {@code channel} or (null) all. */
    List<ReconBatch> batches(ChannelCode channel, int limit);

    /** Stores what a run found out about the day (counts, totals, what it changed). */
    void saveRun(ReconBatch batch);

    /** Records that clearing posted under {@code key}: what it has cleared so far. */
    void cleared(long batchId, long clearedNet, long clearedFee, String key, Instant at);

    /** @return false when the batch already has this difference (the unique key decided) */
    boolean insert(ReconDifference difference);

    List<ReconDifference> differences(long batchId);

    Optional<ReconDifference> difference(long id);

    /** Keeps what a later run saw of a known difference (amounts, our status), whatever its state. */
    void observed(long id, Found found, Instant at);

    /** Notes what the system found or tried (a pay-back under way, why it waits) without moving the difference. */
    void note(long id, String note, Instant at);

    /**
     * {@code from → to}; {@code resolution} is written when {@code to} is RESOLVED, {@code note} always.
     *
     * @return false when the difference was no longer {@code from}
     * @throws io.paysuite.kit.state.StateTable.IllegalTransitionException when the table does not allow it
     */
    boolean transition(long id, DifferenceStatus from, DifferenceStatus to, String note, ResolutionDTO resolution, Instant at);
}
