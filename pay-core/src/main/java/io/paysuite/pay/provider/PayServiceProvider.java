package io.paysuite.pay.order;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trail.TrailEventDTO;
import java.util.List;
import java.util.function.Supplier;
import org.apache.dubbo.config.annotation.DubboService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PayService} over Dubbo, and pay-core's single error boundary: business refusals become
 * {@code Result.fail(code)}; anything else is logged and answered {@code SYSTEM_ERROR}.
 */
@DubboService
public class PayServiceProvider implements PayService {

    private static final Logger log = LoggerFactory.getLogger(PayServiceProvider.class);

    private final PayOrderOpener opener;
    private final PayOrderFinder finder;
    private final PayOrchestrator orchestrator;
    private final PayTrail trail;

    public PayServiceProvider(PayOrderOpener opener, PayOrderFinder finder, PayOrchestrator orchestrator, PayTrail trail) {
        this.opener = opener;
        this.finder = finder;
        this.orchestrator = orchestrator;
        this.trail = trail;
    }

    @Override
    public Result<PayOrderDTO> pay(PayCmd cmd) {
        return answer("pay", () -> orchestrator.pay(cmd));
    }

    @Override
    public Result<PayOrderDTO> open(OpenPayOrderCmd cmd) {
        return answer("open", () -> opener.open(cmd));
    }

    @Override
    public Result<PayOrderDTO> get(String payOrderNo) {
        return answer("get", () -> finder.get(payOrderNo));
    }

    @Override
    public Result<List<TrailEventDTO>> trail(String tradeNo) {
        return answer("trail", () -> trail.trail(tradeNo));
    }

    private static <T> Result<T> answer(String operation, Supplier<T> work) {
        try {
            return Result.ok(work.get());
        } catch (BizException refused) {
            return Result.fail(refused.code(), refused.getMessage());
        } catch (PayRefusal refused) {
            return Result.fail(refused.code(), refused.getMessage());
        } catch (RuntimeException fault) {
            log.error("PayService.{} failed with a system error", operation, fault);
            return Result.fail(ErrorCode.SYSTEM_ERROR, "system error; query the pay order before retrying");
        }
    }
}
