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
 * @param refundNo       a refund's request number as the bill states it (our refund number); null for a payment, or
 *                       when the channel's bill does not carry it
 * @param feeMinor       the channel's fee on the line in fen: positive for what a payment costs, negative for the fee
 *                       a refund gives back; 0 when the bill states none
 */
public record BillRow(String channelOrderNo, String channelTradeNo, Kind kind, long amountMinor, Instant finishedAt,
                      String refundNo, long feeMinor) {

    /** A line of a bill without refund numbers or fees. */
    public BillRow(String channelOrderNo, String channelTradeNo, Kind kind, long amountMinor, Instant finishedAt) {
        this(channelOrderNo, channelTradeNo, kind, amountMinor, finishedAt, null, 0);
    }

    /** The number both sides key the line on: the refund number of a refund, else our channel order number. */
    public String key() {
        return kind == Kind.REFUND && refundNo != null ? refundNo : channelOrderNo;
    }

    public enum Kind {
        PAYMENT,
        REFUND
    }
}
