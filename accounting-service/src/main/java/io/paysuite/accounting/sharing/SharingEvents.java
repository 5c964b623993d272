package io.paysuite.accounting.sharing;

import io.paysuite.api.sharing.SharingReceiverResult;

/**
 * Finishes an order: the compare-and-set and the {@code PROFIT_SHARING_FINISHED} event commit together
 * (port; infra sends a transactional message whose local transaction is the update, the order row
 * being the outbox).
 */
public interface SharingEvents {

    /** True when this call finished it; false when it was already final (the first final answer won). */
    boolean finish(SharingOrder order, SharingReceiverResult result);
}
