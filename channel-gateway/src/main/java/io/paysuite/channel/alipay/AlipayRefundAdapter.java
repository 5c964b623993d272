package io.paysuite.channel.alipay;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.refund.RefundAdapter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Alipay refunds ({@code trade.refund}, {@code fastpay.refund.query}) of QR and payment-code trades alike. */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.alipay", name = "server-url")
public class AlipayRefundAdapter implements RefundAdapter {

    private final AlipayTrades trades;

    public AlipayRefundAdapter(AlipayTrades trades) {
        this.trades = trades;
    }

    @Override
    public ChannelCode channel() {
        return ChannelCode.ALIPAY;
    }

    @Override
    public ChannelCall refund(ChannelOrder paid, String refundNo, long refundMinor, String reason) {
        return trades.refund(paid, refundNo, refundMinor, reason);
    }

    @Override
    public ChannelCall queryRefund(ChannelOrder paid, String refundNo) {
        return trades.queryRefund(paid, refundNo);
    }
}
