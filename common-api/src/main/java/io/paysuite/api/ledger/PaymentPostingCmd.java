package io.paysuite.api.ledger;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.util.List;

/**
 * Post a payment of a trade. Idempotent on {@code postingKey} (pay-core uses the pay
 * order number). Instant trades: debit the buyer's wallet, credit the merchant's pending
 * settlement with the amount less the fee and platform fee income with the fee. Guarantee trades
 * ({@code escrow}): debit the wallet, credit escrow; the fee is taken when the trade is released.
 * A wallet that would go below zero answers {@code INSUFFICIENT_BALANCE} and posts nothing.
 * A channel payment ({@code channel} set, e.g. {@code ALIPAY}) debits that channel's clearing
 * account instead of the wallet: the channel owes the platform the money until it settles.
 * A top-up ({@code topUp}, a channel payment of a {@code TOPUP} trade) credits the buyer's wallet
 * with the whole amount: no merchant, no fee, no escrow.
 * A combination payment lists its coupon and points in {@code parts}: {@code amount} is then the
 * trade's full price, the buyer's cash (wallet or clearing) is {@code amount} less the parts, and the
 * one entry books each part by who funds it ({@link PromotionPart}); the fee is on what the merchant
 * receives gross.
 *
 * @param parts the coupon and points parts; empty for a payment with one tool
 */
public record PaymentPostingCmd(
        String postingKey,
        String tradeNo,
        String payOrderNo,
        String buyerId,
        String merchantId,
        Money amount,
        boolean escrow,
        String channel,
        boolean topUp,
        List<PromotionPart> parts) implements Serializable {

    public PaymentPostingCmd {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** A payment to the trade's merchant, with its coupon and points parts (empty: one tool). */
    public PaymentPostingCmd(String postingKey, String tradeNo, String payOrderNo, String buyerId, String merchantId,
                             Money amount, boolean escrow, String channel, List<PromotionPart> parts) {
        this(postingKey, tradeNo, payOrderNo, buyerId, merchantId, amount, escrow, channel, false, parts);
    }

    /** A payment with one tool, or a top-up ({@code topUp}): from a channel when {@code channel} is set. */
    public PaymentPostingCmd(String postingKey, String tradeNo, String payOrderNo, String buyerId, String merchantId,
                             Money amount, boolean escrow, String channel, boolean topUp) {
        this(postingKey, tradeNo, payOrderNo, buyerId, merchantId, amount, escrow, channel, topUp, List.of());
    }

    /** A payment with one tool: the wallet ({@code channel} null) or a channel pays it all. */
    public PaymentPostingCmd(String postingKey, String tradeNo, String payOrderNo, String buyerId, String merchantId,
                             Money amount, boolean escrow, String channel) {
        this(postingKey, tradeNo, payOrderNo, buyerId, merchantId, amount, escrow, channel, false, List.of());
    }

    /** A balance payment: the buyer's wallet pays. */
    public PaymentPostingCmd(String postingKey, String tradeNo, String payOrderNo, String buyerId, String merchantId,
                             Money amount, boolean escrow) {
        this(postingKey, tradeNo, payOrderNo, buyerId, merchantId, amount, escrow, null);
    }

    /** What the buyer pays in cash (wallet or channel): the price less the coupon and points. */
    public long cashMinor() {
        return amount.minor() - parts.stream().mapToLong(part -> part.amount().minor()).sum();
    }
}
