package io.paysuite.api.ledger;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * Post a refund of a trade's payment as a reversing entry. Idempotent on {@code postingKey}
 * (trade-core uses the refund number). The ledger reads the trade's context from its own journal
 * (the entries whose business number is {@code tradeNo}): what was paid, refunded before, released,
 * the fee charged, and what escrow still holds for this trade. The part escrow still holds for the
 * trade is debited from escrow; the rest from merchant pending and platform fee income, the fee part
 * pro rata on the cumulative refunded amount (the rule is in accounting-service's {@code FeeRule}),
 * so a full refund returns exactly the fee charged. A refund beyond what is left of the payment is
 * {@code PARAM_ERROR} and posts nothing. Credits the buyer's wallet with {@code refund}; a refund of a
 * channel payment ({@code channel} set) credits that channel's clearing account instead: the channel
 * returns the money to the buyer and owes the platform less.
 *
 * <p>{@code paidTotal}, {@code refundedBefore} and {@code escrowHeld} are deprecated and ignored for
 * the entry: a caller's view of them may be stale or wrong, and the ledger's journal is the record
 * of the money. They are kept so existing callers compile, and they still take part in the posting's
 * digest, so a repeat of a command is recognised as the same command as before.
 */
public record RefundPostingCmd(
        String postingKey,
        String tradeNo,
        String refundNo,
        String buyerId,
        String merchantId,
        Money refund,
        @Deprecated Money paidTotal,
        @Deprecated Money refundedBefore,
        @Deprecated boolean escrowHeld,
        String channel) implements Serializable {

    /** A refund of a wallet payment: the buyer's wallet is credited. */
    public RefundPostingCmd(String postingKey, String tradeNo, String refundNo, String buyerId, String merchantId, Money refund,
                            Money paidTotal, Money refundedBefore, boolean escrowHeld) {
        this(postingKey, tradeNo, refundNo, buyerId, merchantId, refund, paidTotal, refundedBefore, escrowHeld, null);
    }
}
