package io.paysuite.trade.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.trade.AbandonPayCmd;
import io.paysuite.api.trade.BeginPayCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.event.PaySucceeded;
import io.paysuite.api.trade.TradePaymentService;
import io.paysuite.trade.order.PaidByPayCore;
import io.paysuite.trade.order.TradePayments;
import org.apache.dubbo.config.annotation.DubboService;

/** {@link TradePaymentService} over Dubbo; what it throws is answered by the kit's {@code ErrorBoundaryFilter}. */
@DubboService(version = ApiVersion.DUBBO)
public class TradePaymentServiceProvider implements TradePaymentService {

    private final TradePayments payments;

    public TradePaymentServiceProvider(TradePayments payments) {
        this.payments = payments;
    }

    @Override
    public Result<TradeDTO> beginPay(BeginPayCmd cmd) {
        return Result.ok(payments.beginPay(cmd));
    }

    @Override
    public Result<TradeDTO> abandonPay(AbandonPayCmd cmd) {
        return Result.ok(payments.abandonPay(cmd));
    }

    @Override
    public Result<TradeDTO> paid(PaySucceeded event) {
        return Result.ok(PaidByPayCore.record(payments, event).toDTO());
    }
}
