package io.paysuite.trade.trade;

import io.paysuite.api.common.Result;
import io.paysuite.api.trade.AbandonPayCmd;
import io.paysuite.api.trade.BeginPayCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentService;
import org.apache.dubbo.config.annotation.DubboService;

/** {@link TradePaymentService} over Dubbo; errors as in {@link TradeServiceProvider}. */
@DubboService
public class TradePaymentServiceProvider implements TradePaymentService {

    private final TradePayments payments;

    public TradePaymentServiceProvider(TradePayments payments) {
        this.payments = payments;
    }

    @Override
    public Result<TradeDTO> beginPay(BeginPayCmd cmd) {
        return TradeServiceProvider.answer("beginPay", () -> payments.beginPay(cmd));
    }

    @Override
    public Result<TradeDTO> abandonPay(AbandonPayCmd cmd) {
        return TradeServiceProvider.answer("abandonPay", () -> payments.abandonPay(cmd));
    }
}
