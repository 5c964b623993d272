package io.paysuite.channel.reconcile;

import java.time.Instant;

/**
 * One detail line of a channel's daily bill, whatever the channel's format.
 *
 * @param channelOrderNo our channel order number (the channel's {@code out_trade_no})
 * @param channelTradeNo the channel's own trade number
 * @param kind           a payment or a refund
 * @param amountMinor    fen the line moves for the merchant: positive for a payment (the order amount),
 *                       negative for a refund (the amount refunded)
 * @param finishedAt     when the channel completed it; null when the bill leaves it empty
 */
public record BillRow(String channelOrderNo, String channelTradeNo, Kind kind, long amountMinor, Instant finishedAt) {

    public enum Kind {
        PAYMENT,
        REFUND
    }
}
