package io.paysuite.channel.order;

import io.paysuite.api.money.Money;

/**
 * The ledger's side of a late payment paid back. A success that arrives after the order was final was never
 * posted as a payment (pay-core finished the pay order as failed), yet the channel took the buyer's money
 * and holds it until the pay-back refund returns it. So it is booked as money the channel holds for a buyer
 * we owe — Dr {@code CHANNEL_CLEARING:<channel>}, Cr {@code ESCROW:PAYBACK} — and the refund's success
 * reverses it. Each entry has its own posting key, so repeats are harmless; the second is posted only after
 * the first, so the owed balance never goes below zero.
 */
public interface LatePaymentLedger {

    /** Books the late payment; @return false when the ledger did not confirm it (asked again later) */
    boolean latePayment(ChannelOrder order, Money paid);

    /** Books the pay-back once the channel refunded it; @return false when the ledger did not confirm it */
    boolean paidBack(ChannelOrder order, Money paid);
}
