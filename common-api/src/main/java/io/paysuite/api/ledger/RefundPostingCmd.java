package io.paysuite.api.ledger;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * Post a refund of a balance payment as a reversing entry. Idempotent on {@code postingKey}
 * (trade-core uses the refund number). While the money is held in escrow the refund debits
 * escrow; otherwise it debits merchant pending and platform fee income, the fee part computed pro
 * rata on the cumulative refunded amount (the rule is in accounting-service's {@code FeeRule}), so
 * a full refund returns exactly the fee charged. Credits the buyer's wallet with {@code refund}.
 * {@code paidTotal} is the trade's paid amount; {@code refundedBefore} what was refunded before.
 * A refund of a channel payment ({@code channel} set) credits that channel's clearing account
 * instead of the wallet: the channel returns the money to the buyer and owes the platform less.
 */
public record RefundPostingCmd(
        String postingKey,
        String tradeNo,
        String refundNo,
        String buyerId,
        String merchantId,
        Money refund,
        Money paidTotal,
        Money refundedBefore,
        boolean escrowHeld,
        String channel) implements Serializable {

    /** A refund of a wallet payment: the buyer's wallet is credited. */
    public RefundPostingCmd(String postingKey, String tradeNo, String refundNo, String buyerId, String merchantId, Money refund,
                            Money paidTotal, Money refundedBefore, boolean escrowHeld) {
        this(postingKey, tradeNo, refundNo, buyerId, merchantId, refund, paidTotal, refundedBefore, escrowHeld, null);
    }
}
