package io.paysuite.api.payout;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;
import java.util.List;

/**
 * Payouts over Dubbo (provider: channel-gateway, which owns the payout channel's protocol). The
 * same discipline as charges: one payout per {@code payoutNo}, a timeout or an unknown answer
 * leaves it {@code PROCESSING} and is followed up by query, the first final answer wins. The owner
 * of the money (accounting-service for settlements and withdrawals) holds the money aside before
 * calling and learns the final result from {@code PAYOUT_FINAL} or {@link #get}: on {@code FAILED}
 * it returns the money to where it came from, on {@code SUCCESS} it books it as paid out.
 */
public interface PayoutService {

    /**
     * Send (or, on a repeat, follow up) a payout. Answers it {@code PROCESSING}, {@code SUCCESS} or
     * {@code FAILED} (definitely refused: nothing left). Refusals: {@code PARAM_ERROR} (bad command,
     * or the same number with other content), {@code SERVICE_DEGRADED} (nothing was sent).
     */
    Result<PayoutDTO> payout(PayoutCmd cmd);

    /** The payout as stored, without asking the channel; {@code PAYOUT_NOT_FOUND} if none. */
    @ReadOnly
    Result<PayoutDTO> get(String payoutNo);

    /** Payouts for operators. */
    @ReadOnly
    Result<List<PayoutDTO>> list(PayoutQry qry);
}
