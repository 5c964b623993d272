package io.paysuite.api.ledger;

import io.paysuite.api.money.Money;
import java.io.Serializable;

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
        boolean topUp) implements Serializable {

    /** A payment to the trade's merchant: from the wallet, or from a channel when {@code channel} is set. */
    public PaymentPostingCmd(String postingKey, String tradeNo, String payOrderNo, String buyerId, String merchantId,
                             Money amount, boolean escrow, String channel) {
        this(postingKey, tradeNo, payOrderNo, buyerId, merchantId, amount, escrow, channel, false);
    }

    /** A balance payment: the buyer's wallet pays. */
    public PaymentPostingCmd(String postingKey, String tradeNo, String payOrderNo, String buyerId, String merchantId,
                             Money amount, boolean escrow) {
        this(postingKey, tradeNo, payOrderNo, buyerId, merchantId, amount, escrow, null, false);
    }
}
