package io.paysuite.channel.alipay;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.QrChannelAdapter;
import io.paysuite.channel.order.ChannelOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Alipay face-to-face QR: {@code precreate}, {@code query}, and {@code close} after expiry (never {@code cancel}, which would refund a just-paid order). */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.alipay", name = "server-url")
public class AlipayQrAdapter implements QrChannelAdapter {

    private final AlipayTrades trades;

    public AlipayQrAdapter(AlipayTrades trades) {
        this.trades = trades;
    }

    @Override
    public ChannelCode channel() {
        return ChannelCode.ALIPAY;
    }

    @Override
    public PayMethod method() {
        return PayMethod.ALIPAY_QR;
    }

    @Override
    public ChannelCall precreate(ChannelOrder order) {
        return trades.precreate(order);
    }

    @Override
    public ChannelCall query(ChannelOrder order) {
        return trades.query(order);
    }

    @Override
    public ChannelCall close(ChannelOrder order) {
        return trades.close(order);
    }
}
