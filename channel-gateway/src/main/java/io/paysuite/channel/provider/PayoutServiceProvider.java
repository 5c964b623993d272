package io.paysuite.channel.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.payout.PayoutCmd;
import io.paysuite.api.payout.PayoutDTO;
import io.paysuite.api.payout.PayoutQry;
import io.paysuite.api.payout.PayoutService;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.payout.Payouts;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link PayoutService} over Dubbo; what it throws is answered by the kit's {@code ErrorBoundaryFilter}.
 * {@code payout} is a guarded call (kit {@code GuardedCall}): only accounting-service, which holds the
 * money aside first, may send money out.
 */
@DubboService(version = ApiVersion.DUBBO, timeout = 15000)
public class PayoutServiceProvider implements PayoutService {

    private final Payouts payouts;

    public PayoutServiceProvider(Payouts payouts) {
        this.payouts = payouts;
    }

    @Override
    public Result<PayoutDTO> payout(PayoutCmd cmd) {
        return Result.ok(payouts.payout(cmd).toDTO());
    }

    @Override
    public Result<PayoutDTO> get(String payoutNo) {
        return Result.ok(payouts.get(payoutNo).map(Payout::toDTO)
                .orElseThrow(() -> new BizException(ErrorCode.PAYOUT_NOT_FOUND, "no payout " + payoutNo)));
    }

    @Override
    public Result<List<PayoutDTO>> list(PayoutQry qry) {
        return Result.ok(payouts.list(qry).stream().map(Payout::toDTO).toList());
    }
}
