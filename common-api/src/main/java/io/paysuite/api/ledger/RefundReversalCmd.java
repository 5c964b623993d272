package io.paysuite.api.ledger;

import java.io.Serializable;

/**
 * Undo a refund the channel refused: the ledger reverses the refund entry posted under
 * {@code refundPostingKey} (it must be a refund of {@code tradeNo}), computing every line from that
 * entry, so the money goes back where it came from — to the merchant's pending settlement and fee
 * income, or to the trade's escrow. When it came from escrow and the trade has been released since,
 * the same entry releases it on to the merchant (less the fee, by the same rule as a release), so
 * the trade's escrow ends at zero. Idempotent on {@code postingKey}; a refund is reversed at most
 * once ({@code PARAM_ERROR} for a second reversal under another key); {@code POSTING_NOT_FOUND} when
 * there is no such refund entry.
 */
public record RefundReversalCmd(
        String postingKey,
        String tradeNo,
        String refundPostingKey) implements Serializable {
}
