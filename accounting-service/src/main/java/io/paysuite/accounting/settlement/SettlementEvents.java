package io.paysuite.accounting.settlement;

import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.settlement.SettlementStatus;
import java.time.Instant;

/**
 * Ends a settlement: the compare-and-set {@code PROCESSING → PAID | FAILED} and the
 * {@code SETTLEMENT_FINISHED} event commit together (port; infra sends it as a transactional message
 * whose local transaction is the update, the settlement row being the outbox).
 */
public interface SettlementEvents {

    /** True when this call moved it; false when it was already final (the first final answer won). */
    boolean finish(Settlement settlement, SettlementStatus to, PayoutStatus payoutStatus, Instant paidAt);
}
