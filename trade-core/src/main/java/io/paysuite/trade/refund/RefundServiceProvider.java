package io.paysuite.trade.refund;

import io.paysuite.api.common.Result;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundByOutRefundNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.trade.order.ErrorBoundary;
import org.apache.dubbo.config.annotation.DubboService;

/** {@link RefundService} over Dubbo through trade-core's {@link ErrorBoundary}. */
@DubboService
public class RefundServiceProvider implements RefundService {

    private final RefundCreator creator;
    private final RefundFinder finder;

    public RefundServiceProvider(RefundCreator creator, RefundFinder finder) {
        this.creator = creator;
        this.finder = finder;
    }

    @Override
    public Result<RefundDTO> refund(CreateRefundCmd cmd) {
        return ErrorBoundary.answerOutcome("RefundService.refund", () -> creator.refundOrRepeat(cmd));
    }

    @Override
    public Result<RefundDTO> get(RefundByNoQry qry) {
        return ErrorBoundary.answer("RefundService.get", () -> finder.get(qry));
    }

    @Override
    public Result<RefundDTO> getByOutRefundNo(RefundByOutRefundNoQry qry) {
        return ErrorBoundary.answer("RefundService.getByOutRefundNo", () -> finder.getByOutRefundNo(qry));
    }
}
