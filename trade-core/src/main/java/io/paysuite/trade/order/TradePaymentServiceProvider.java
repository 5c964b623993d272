package io.paysuite.trade.order;

import io.paysuite.api.common.Result;
import io.paysuite.api.trade.AbandonPayCmd;
import io.paysuite.api.trade.BeginPayCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentService;
import org.apache.dubbo.config.annotation.DubboService;

/** {@link TradePaymentService} over Dubbo; errors through the {@link ErrorBoundary}. */
@DubboService
public class TradePaymentServiceProvider implements TradePaymentService {

    private final TradePayments payments;

    public TradePaymentServiceProvider(TradePayments payments) {
        this.payments = payments;
    }

    @Override
    public Result<TradeDTO> beginPay(BeginPayCmd cmd) {
        return ErrorBoundary.answer("TradePaymentService.beginPay", () -> payments.beginPay(cmd));
    }

    @Override
    public Result<TradeDTO> abandonPay(AbandonPayCmd cmd) {
        return ErrorBoundary.answer("TradePaymentService.abandonPay", () -> payments.abandonPay(cmd));
    }
}
