package io.paysuite.channel.provider;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelHealthDTO;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.isolation.BreakerBoard;
import java.util.ArrayList;
import java.util.List;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.ChannelRefundDTO;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.channel.RefundChannelCmd;
import io.paysuite.channel.refund.ChannelRefunds;
import io.paysuite.api.channel.ReconcileQry;
import io.paysuite.api.channel.ReconciliationDTO;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.channel.charge.ChannelCharges;
import io.paysuite.channel.reconcile.ChannelReconciler;
import java.util.function.Supplier;
import org.apache.dubbo.config.annotation.DubboService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ChannelService} over Dubbo: business refusals become {@code Result} codes, surprises {@code SYSTEM_ERROR}. */
@DubboService(timeout = 15000)
public class ChannelServiceProvider implements ChannelService {

    private static final Logger log = LoggerFactory.getLogger(ChannelServiceProvider.class);

    private final ChannelCharges orders;
    private final ChannelAdapters adapters;
    private final ChannelStats stats;
    private final BreakerBoard breakers;
    private final ChannelReconciler reconciler;
    private final ChannelRefunds refunds;

    public ChannelServiceProvider(ChannelCharges orders, ChannelAdapters adapters, ChannelStats stats, BreakerBoard breakers,
                                  ChannelReconciler reconciler, ChannelRefunds refunds) {
        this.refunds = refunds;
        this.orders = orders;
        this.adapters = adapters;
        this.stats = stats;
        this.breakers = breakers;
        this.reconciler = reconciler;
    }

    @Override
    public Result<List<ChannelHealthDTO>> health() {
        return answer("health", () -> {
            List<ChannelHealthDTO> all = new ArrayList<>();
            for (ChannelCode channel : ChannelCode.values()) {
                all.add(stats.health(channel, adapters.channels().contains(channel), breakers.state(channel)));
            }
            return all;
        });
    }

    @Override
    public Result<ReconciliationDTO> reconcile(ReconcileQry qry) {
        // The reconciler answers its own refusals (SERVICE_DEGRADED, SYSTEM_ERROR with the bill's problem);
        // only a surprise (the database) is left for the generic answer.
        try {
            return reconciler.reconcile(qry);
        } catch (RuntimeException surprise) {
            log.error("reconcile {} failed", qry, surprise);
            return Result.fail(ErrorCode.SYSTEM_ERROR.name(), "reconciliation failed: " + surprise.getMessage());
        }
    }

    @Override
    public Result<ChannelRefundDTO> refund(RefundChannelCmd cmd) {
        return answer("refund", () -> refunds.refund(cmd).toDTO());
    }

    @Override
    public Result<ChannelOrderDTO> charge(ChargeChannelCmd cmd) {
        return answer("charge", () -> orders.view(orders.charge(cmd)));
    }

    @Override
    public Result<ChannelOrderDTO> get(String payOrderNo) {
        return answer("get", () -> orders.get(payOrderNo).map(orders::view)
                .orElseThrow(() -> new BizException(ErrorCode.PAY_ORDER_NOT_FOUND, "no channel order for " + payOrderNo)));
    }

    private static <T> Result<T> answer(String operation, Supplier<T> work) {
        try {
            return Result.ok(work.get());
        } catch (BizException refusal) {
            return Result.fail(refusal.code().name(), refusal.getMessage());
        } catch (RuntimeException surprise) {
            log.error("{} failed", operation, surprise);
            return Result.fail(ErrorCode.SYSTEM_ERROR.name(), "channel gateway error; the outcome may be unknown");
        }
    }
}
