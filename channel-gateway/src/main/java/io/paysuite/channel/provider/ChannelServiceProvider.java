package io.paysuite.channel.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelHealthDTO;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrdersQry;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.api.channel.ChannelRefundDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.channel.LateChannelResultDTO;
import io.paysuite.api.channel.RefundChannelCmd;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.channel.AuthorisationEndDTO;
import io.paysuite.api.channel.EndAuthorisationCmd;
import io.paysuite.channel.charge.ChannelCharges;
import io.paysuite.channel.preauth.AuthorisationEnds;
import io.paysuite.channel.charge.LatePayments;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.isolation.BreakerBoard;
import io.paysuite.channel.refund.ChannelRefunds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.dubbo.config.annotation.DubboService;

/** {@link ChannelService} over Dubbo; what it throws is answered by the kit's {@code ErrorBoundaryFilter}. */
@DubboService(version = ApiVersion.DUBBO, timeout = 15000)
public class ChannelServiceProvider implements ChannelService {

    private final ChannelCharges orders;
    private final ChannelAdapters adapters;
    private final ChannelStats stats;
    private final BreakerBoard breakers;
    private final ChannelRefunds refunds;
    private final LatePayments lateResults;
    private final AuthorisationEnds authorisationEnds;

    public ChannelServiceProvider(ChannelCharges orders, ChannelAdapters adapters, ChannelStats stats, BreakerBoard breakers,
                                  ChannelRefunds refunds, LatePayments lateResults, AuthorisationEnds authorisationEnds) {
        this.lateResults = lateResults;
        this.authorisationEnds = authorisationEnds;
        this.refunds = refunds;
        this.orders = orders;
        this.adapters = adapters;
        this.stats = stats;
        this.breakers = breakers;
    }

    @Override
    public Result<List<ChannelHealthDTO>> health() {
        List<ChannelHealthDTO> all = new ArrayList<>();
        for (ChannelCode channel : ChannelCode.values()) {
            all.add(stats.health(channel, adapters.channels().contains(channel), breakers.state(channel)));
        }
        return Result.ok(all);
    }

    @Override
    public Result<AuthorisationEndDTO> endAuthorisation(EndAuthorisationCmd cmd) {
        return Result.ok(authorisationEnds.end(cmd));
    }

    @Override
    public Result<ChannelRefundDTO> refund(RefundChannelCmd cmd) {
        return Result.ok(refunds.refund(cmd).toDTO());
    }

    @Override
    public Result<ChannelOrderDTO> charge(ChargeChannelCmd cmd) {
        return Result.ok(orders.view(orders.charge(cmd)));
    }

    @Override
    public Result<List<LateChannelResultDTO>> lateResults(int limit) {
        if (limit < 1 || limit > 500) {
            throw new BizException(ErrorCode.PARAM_ERROR, "limit must be 1-500");
        }
        return Result.ok(lateResults.recent(limit));
    }

    @Override
    public Result<ChannelOrderDTO> findByNumber(String number) {
        if (number == null || number.isBlank() || number.length() > 64) {
            throw new BizException(ErrorCode.PARAM_ERROR, "number must be 1-64 characters");
        }
        return Result.ok(orders.findByNumber(number.strip()).map(orders::view)
                .orElseThrow(() -> new BizException(ErrorCode.PAY_ORDER_NOT_FOUND, "no channel order numbered " + number)));
    }

    @Override
    public Result<List<ChannelOrderDTO>> getAll(ChannelOrdersQry qry) {
        if (qry == null || qry.payOrderNos() == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "pay_order_nos is required");
        }
        if (qry.payOrderNos().size() > ChannelOrdersQry.MAX_PAY_ORDERS) {
            throw new BizException(ErrorCode.PARAM_ERROR, "at most " + ChannelOrdersQry.MAX_PAY_ORDERS + " pay_order_nos");
        }
        List<String> numbers = qry.payOrderNos().stream().filter(Objects::nonNull).filter(no -> !no.isBlank()).distinct().toList();
        return Result.ok(numbers.isEmpty() ? List.of() : orders.getAll(numbers).stream().map(orders::view).toList());
    }

    @Override
    public Result<ChannelOrderDTO> get(String payOrderNo) {
        return Result.ok(orders.get(payOrderNo).map(orders::view)
                .orElseThrow(() -> new BizException(ErrorCode.PAY_ORDER_NOT_FOUND, "no channel order for " + payOrderNo)));
    }
}
