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
 *
 * <p>A refund of a combination payment (docs/adr/0008, "Refunds") sets {@code cash}: the buyer's cash
 * share of {@code refund} by {@code io.paysuite.api.refund.RefundShares}. The wallet or clearing account is
 * credited only {@code cash}, and the merchant's side is debited the same; the coupon and points shares wait
 * for the refund that returns the whole trade ({@code wholeTrade}), which also credits back the platform
 * coupon's {@code MARKETING_EXPENSE} and the points' {@code POINTS_LIABILITY} and debits the merchant's side
 * for them (a merchant coupon was never credited, so it is never debited). The ledger checks the cash
 * against its journal: never more than the cash left, and on {@code wholeTrade} exactly the cash left.
 *
 * @param cash       null for a payment with one tool (the whole refund is cash)
 * @param wholeTrade this refund brings the trade's refunds to its full price: the coupon and points go back
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
        String channel,
        Money cash,
        boolean wholeTrade) implements Serializable {

    /** A refund of a payment with one tool: all of {@code refund} is cash. */
    public RefundPostingCmd(String postingKey, String tradeNo, String refundNo, String buyerId, String merchantId, Money refund,
                            Money paidTotal, Money refundedBefore, boolean escrowHeld, String channel) {
        this(postingKey, tradeNo, refundNo, buyerId, merchantId, refund, paidTotal, refundedBefore, escrowHeld, channel, null, false);
    }

    /** What the buyer gets back in cash: {@code cash}, or all of the refund for a payment with one tool. */
    public long cashMinor() {
        return cash == null ? refund.minor() : cash.minor();
    }

    /** A refund of a wallet payment: the buyer's wallet is credited. */
    public RefundPostingCmd(String postingKey, String tradeNo, String refundNo, String buyerId, String merchantId, Money refund,
                            Money paidTotal, Money refundedBefore, boolean escrowHeld) {
        this(postingKey, tradeNo, refundNo, buyerId, merchantId, refund, paidTotal, refundedBefore, escrowHeld, null);
    }
}
