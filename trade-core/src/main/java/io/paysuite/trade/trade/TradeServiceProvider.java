package io.paysuite.trade.trade;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.ConfirmTradeCmd;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeByOutTradeNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import java.util.function.Supplier;
import org.apache.dubbo.config.annotation.DubboService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TradeService} over Dubbo, and trade-core's single error boundary: each call goes to one
 * executor; a {@link BizException} becomes {@code Result.fail(code)}, anything else is logged
 * with its stack trace and answered as {@code SYSTEM_ERROR} (the outcome may be unknown: the
 * caller queries before retrying).
 */
@DubboService
public class TradeServiceProvider implements TradeService {

    private static final Logger log = LoggerFactory.getLogger(TradeServiceProvider.class);

    private final TradeCreator creator;
    private final TradeFinder finder;
    private final TradeCloser closer;
    private final TradeConfirmer confirmer;

    public TradeServiceProvider(TradeCreator creator, TradeFinder finder, TradeCloser closer, TradeConfirmer confirmer) {
        this.creator = creator;
        this.finder = finder;
        this.closer = closer;
        this.confirmer = confirmer;
    }

    @Override
    public Result<TradeDTO> confirm(ConfirmTradeCmd cmd) {
        return answer("confirm", () -> confirmer.confirm(cmd));
    }

    @Override
    public Result<TradeDTO> create(CreateTradeCmd cmd) {
        return answer("create", () -> creator.create(cmd));
    }

    @Override
    public Result<TradeDTO> close(CloseTradeCmd cmd) {
        return answer("close", () -> closer.close(cmd));
    }

    @Override
    public Result<TradeDTO> get(TradeByNoQry qry) {
        return answer("get", () -> finder.get(qry));
    }

    @Override
    public Result<TradeDTO> getByOutTradeNo(TradeByOutTradeNoQry qry) {
        return answer("getByOutTradeNo", () -> finder.getByOutTradeNo(qry));
    }

    static <T> Result<T> answer(String operation, Supplier<T> work) {
        try {
            return Result.ok(work.get());
        } catch (BizException refused) {
            return Result.fail(refused.code(), refused.getMessage());
        } catch (ArithmeticException overflow) {
            return Result.fail(ErrorCode.PARAM_ERROR, "amount out of range");
        } catch (RuntimeException fault) {
            log.error("TradeService.{} failed with a system error", operation, fault);
            return Result.fail(ErrorCode.SYSTEM_ERROR, "system error; query the trade before retrying");
        }
    }
}
