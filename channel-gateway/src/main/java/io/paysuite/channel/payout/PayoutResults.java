package io.paysuite.channel.payout;

import io.paysuite.api.payout.PayoutStatus;
import java.time.Instant;

/**
 * Makes a payout final and announces it ({@code PAYOUT_FINAL}) in one step: the announcement is
 * published if and only if the compare-and-set {@code PROCESSING → to} commits, so the owner of the
 * money never misses a final payout and never hears of one that did not happen.
 */
public interface PayoutResults {

    /** @return true when this call made the payout final; false when it was final already (the first final answer won) */
    boolean finish(Payout payout, PayoutStatus to, String rawCode, String channelPayoutNo, Instant at);
}
