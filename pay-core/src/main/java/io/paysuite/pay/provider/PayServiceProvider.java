package io.paysuite.pay.provider;

import io.paysuite.api.pay.PayMinuteCountDTO;
import io.paysuite.pay.activity.PayActivity;
import io.paysuite.pay.combination.CombinationRefund;
import java.time.Instant;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.pay.PayOrdersOfTradesQry;
import io.paysuite.api.trail.TrailEventDTO;
import io.paysuite.pay.order.PayOrchestrator;
import io.paysuite.pay.order.PayOrderFinder;
import io.paysuite.pay.order.PayOrderOpener;
import io.paysuite.pay.order.PayTrail;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/** {@link PayService} over Dubbo; what it throws is answered by the kit's {@code ErrorBoundaryFilter}. */
@DubboService(version = ApiVersion.DUBBO)
public class PayServiceProvider implements PayService {

    private final PayOrderOpener opener;
    private final PayOrderFinder finder;
    private final PayOrchestrator orchestrator;
    private final PayTrail trail;
    private final PayActivity activity;
    private final CombinationRefund refunds;

    public PayServiceProvider(PayOrderOpener opener, PayOrderFinder finder, PayOrchestrator orchestrator, PayTrail trail,
                              PayActivity activity, CombinationRefund refunds) {
        this.activity = activity;
        this.refunds = refunds;
        this.opener = opener;
        this.finder = finder;
        this.orchestrator = orchestrator;
        this.trail = trail;
    }

    @Override
    public Result<PayOrderDTO> pay(PayCmd cmd) {
        return Result.ok(orchestrator.pay(cmd));
    }

    @Override
    public Result<PayOrderDTO> open(OpenPayOrderCmd cmd) {
        return Result.ok(opener.open(cmd));
    }

    @Override
    public Result<PayOrderDTO> get(String payOrderNo) {
        return Result.ok(finder.get(payOrderNo));
    }

    @Override
    public Result<List<PayOrderDTO>> ofTrades(PayOrdersOfTradesQry qry) {
        return Result.ok(finder.ofTrades(qry));
    }

    @Override
    public Result<List<PayMinuteCountDTO>> minuteCounts(Instant since) {
        return Result.ok(activity.since(since));
    }

    @Override
    public Result<PayOrderDTO> giveBackParts(String payOrderNo, String refundNo) {
        return Result.ok(refunds.giveBack(payOrderNo, refundNo));
    }

    @Override
    public Result<List<TrailEventDTO>> trail(String tradeNo) {
        return Result.ok(trail.trail(tradeNo));
    }
}
