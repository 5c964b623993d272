package io.paysuite.channel.reconcile;

/**
 * One line of the payout channel's account bill about one of our payouts.
 *
 * @param payoutNo       our payout number as the bill states it (Alipay 商户订单号 = out_biz_no)
 * @param kind           the transfer leaving the account, or the bank sending it back
 * @param amountMinor    fen the line moves, positive
 * @param channelOrderNo the channel's own number of the transfer (Alipay 业务流水号 = order_id)
 */
public record PayoutBillRow(String payoutNo, Kind kind, long amountMinor, String channelOrderNo) {

    public enum Kind {
        /** the money left the platform's account for the payee's bank (Alipay 转账) */
        TRANSFER,
        /** the payee's bank sent it back: the payout did not reach the account (Alipay 退票) */
        RETURN
    }
}
