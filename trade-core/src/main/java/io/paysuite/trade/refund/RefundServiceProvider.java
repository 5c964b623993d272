package io.paysuite.trade.refund;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundByOutRefundNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import java.util.function.Supplier;
import org.apache.dubbo.config.annotation.DubboService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link RefundService} over Dubbo and its error boundary (as {@code TradeServiceProvider}). */
@DubboService
public class RefundServiceProvider implements RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundServiceProvider.class);

    private final RefundCreator creator;
    private final RefundFinder finder;

    public RefundServiceProvider(RefundCreator creator, RefundFinder finder) {
        this.creator = creator;
        this.finder = finder;
    }

    @Override
    public Result<RefundDTO> refund(CreateRefundCmd cmd) {
        return answer("refund", () -> creator.refund(cmd));
    }

    @Override
    public Result<RefundDTO> get(RefundByNoQry qry) {
        return answer("get", () -> finder.get(qry));
    }

    @Override
    public Result<RefundDTO> getByOutRefundNo(RefundByOutRefundNoQry qry) {
        return answer("getByOutRefundNo", () -> finder.getByOutRefundNo(qry));
    }

    private static <T> Result<T> answer(String operation, Supplier<T> work) {
        try {
            return Result.ok(work.get());
        } catch (BizException refused) {
            return Result.fail(refused.code(), refused.getMessage());
        } catch (ArithmeticException overflow) {
            return Result.fail(ErrorCode.PARAM_ERROR, "amount out of range");
        } catch (RuntimeException fault) {
            log.error("RefundService.{} failed with a system error", operation, fault);
            return Result.fail(ErrorCode.SYSTEM_ERROR, "system error; query the refund before retrying");
        }
    }
}
