package io.paysuite.channel.alipay;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.CodeChannelAdapter;
import io.paysuite.channel.order.ChannelOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Alipay payment code: {@code trade.pay} (scene {@code bar_code}), {@code query}, and {@code cancel} as the reversal. */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.alipay", name = "server-url")
public class AlipayCodeAdapter implements CodeChannelAdapter {

    private final AlipayTrades trades;

    public AlipayCodeAdapter(AlipayTrades trades) {
        this.trades = trades;
    }

    @Override
    public ChannelCode channel() {
        return ChannelCode.ALIPAY;
    }

    @Override
    public PayMethod method() {
        return PayMethod.ALIPAY_CODE;
    }

    @Override
    public ChannelCall pay(ChannelOrder order, String authCode) {
        return trades.pay(order, authCode);
    }

    @Override
    public ChannelCall query(ChannelOrder order) {
        return trades.query(order);
    }

    /** The reversal: Alipay's cancel closes an unpaid trade and refunds a paid one. */
    @Override
    public ChannelCall close(ChannelOrder order) {
        return trades.cancel(order);
    }
}
