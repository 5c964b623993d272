package io.paysuite.api.recon;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.common.Result;
import java.time.LocalDate;
import java.util.List;

/**
 * Channel reconciliation over Dubbo (provider: channel-gateway): a stored batch per channel and bill date,
 * its differences, their resolution, and the day's clearing.
 */
public interface ReconciliationService {

    /**
     * Reconciles {@code channel}'s bill of {@code billDate} (the channel's day, Beijing time): downloads the bill,
     * matches payments and refunds, stores the batch and its differences, resolves what the system can decide, and
     * clears the day. Idempotent: a re-run answers the same batch, refreshed (resolved differences stay resolved,
     * new ones are added, ones that disappeared are resolved as {@code SELF_HEALED}; {@code lastRun} says what
     * changed). Refusals: {@code PARAM_ERROR} (missing channel or date, a day not begun), {@code SERVICE_DEGRADED}
     * (channel not configured here), {@code SYSTEM_ERROR} (the bill could not be downloaded or read: nothing stored).
     */
    Result<ReconciliationDTO> run(ChannelCode channel, LocalDate billDate);

    /**
     * Reconciles the payout channel's account bill of {@code billDate} against our payouts: a batch of kind
     * {@code PAYOUT} for that channel and date, idempotent and refreshed by a re-run exactly as {@link #run}; differences
     * of kind {@code PAYOUT}. A payout still {@code PROCESSING} here that the bill settles is finished through the payout's
     * own path (paid, or failed with the money back to available); the rest go to the operators. Nothing is cleared.
     * Refusals as {@link #run}; {@code SERVICE_DEGRADED} when no payout channel with a bill is configured here.
     */
    Result<ReconciliationDTO> runPayouts(LocalDate billDate);

    /** The batch; {@code RECONCILIATION_NOT_FOUND} when none. */
    @ReadOnly
    Result<ReconciliationDTO> get(long reconciliationId);

    /** The batch's differences, oldest first; {@code RECONCILIATION_NOT_FOUND} when no such batch. */
    @ReadOnly
    Result<List<DifferenceDTO>> differences(long reconciliationId);

    /**
     * An operator's action on a difference (see {@link ResolveDifferenceCmd}); answers the difference resolved.
     * Refusals: {@code PARAM_ERROR} (no reason or operator, not an operator's action, {@code REFUND} of anything but a
     * payment only at the channel), {@code DIFFERENCE_NOT_FOUND}, {@code DIFFERENCE_RESOLVED} (resolved otherwise).
     */
    Result<DifferenceDTO> resolve(ResolveDifferenceCmd cmd);

    /** The newest batches (1–500), of one channel or (null) all. */
    @ReadOnly
    Result<List<ReconciliationDTO>> list(ChannelCode channel, int limit);
}
