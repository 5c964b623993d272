package io.paysuite.trade.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundByOutRefundNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundsByNoQry;
import io.paysuite.api.refund.RefundMinuteCountDTO;
import io.paysuite.trade.refund.RefundActivity;
import io.paysuite.trade.refund.RefundCreator;
import io.paysuite.trade.refund.RefundFinder;
import org.apache.dubbo.config.annotation.DubboService;

/** {@link RefundService} over Dubbo; what it throws is answered by the kit's {@code ErrorBoundaryFilter}. */
@DubboService(version = ApiVersion.DUBBO)
public class RefundServiceProvider implements RefundService {

    private final RefundCreator creator;
    private final RefundFinder finder;
    private final RefundActivity activity;

    public RefundServiceProvider(RefundCreator creator, RefundFinder finder, RefundActivity activity) {
        this.creator = creator;
        this.finder = finder;
        this.activity = activity;
    }

    @Override
    public Result<java.util.List<RefundMinuteCountDTO>> minuteCounts(java.time.Instant since) {
        return Result.ok(activity.since(since));
    }

    @Override
    public Result<RefundDTO> refund(CreateRefundCmd cmd) {
        return creator.refundOrRepeat(cmd).toResult();
    }

    @Override
    public Result<RefundDTO> get(RefundByNoQry qry) {
        return Result.ok(finder.get(qry));
    }

    @Override
    public Result<java.util.List<RefundDTO>> getAll(RefundsByNoQry qry) {
        return Result.ok(finder.getAll(qry));
    }

    @Override
    public Result<RefundDTO> getByOutRefundNo(RefundByOutRefundNoQry qry) {
        return Result.ok(finder.getByOutRefundNo(qry));
    }
}
