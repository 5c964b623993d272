package io.paysuite.trade.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.ConfirmTradeCmd;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeByOutTradeNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradesByNoQry;
import io.paysuite.api.trail.TrailEventDTO;
import io.paysuite.trade.order.TradeCloser;
import io.paysuite.trade.order.TradeConfirmer;
import io.paysuite.trade.order.TradeCreator;
import io.paysuite.trade.order.SettledTrades;
import io.paysuite.trade.order.TradeFinder;
import io.paysuite.trade.order.TradeTrail;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link TradeService} over Dubbo: each call goes to one executor; what it throws is answered by the
 * kit's {@code ErrorBoundaryFilter}.
 */
@DubboService(version = ApiVersion.DUBBO)
public class TradeServiceProvider implements TradeService {

    private final TradeCreator creator;
    private final TradeFinder finder;
    private final TradeCloser closer;
    private final TradeConfirmer confirmer;
    private final TradeTrail trail;
    private final SettledTrades settled;

    public TradeServiceProvider(TradeCreator creator, TradeFinder finder, TradeCloser closer, TradeConfirmer confirmer,
                                TradeTrail trail, SettledTrades settled) {
        this.settled = settled;
        this.creator = creator;
        this.finder = finder;
        this.closer = closer;
        this.confirmer = confirmer;
        this.trail = trail;
    }

    @Override
    public Result<TradeDTO> confirm(ConfirmTradeCmd cmd) {
        return Result.ok(confirmer.confirm(cmd));
    }

    @Override
    public Result<TradeDTO> create(CreateTradeCmd cmd) {
        return creator.createOrRepeat(cmd).toResult();
    }

    @Override
    public Result<TradeDTO> close(CloseTradeCmd cmd) {
        return Result.ok(closer.close(cmd));
    }

    @Override
    public Result<TradeDTO> get(TradeByNoQry qry) {
        return Result.ok(finder.get(qry));
    }

    @Override
    public Result<List<TradeDTO>> getAll(TradesByNoQry qry) {
        return Result.ok(finder.getAll(qry));
    }

    @Override
    public Result<TradeDTO> getByOutTradeNo(TradeByOutTradeNoQry qry) {
        return Result.ok(finder.getByOutTradeNo(qry));
    }

    /**
     * Dubbo's async provider: the returned future is answered when the trade leaves {@code PAYING} or
     * the wait ends, and no provider thread (a fixed pool without queue) is held meanwhile. What the
     * first read throws is answered by the error boundary like any other method's.
     */
    @Override
    public CompletableFuture<Result<TradeDTO>> settled(TradeByNoQry qry, long patienceMillis) {
        return settled.settled(qry, Duration.ofMillis(Math.max(0, patienceMillis))).thenApply(Result::ok);
    }

    @Override
    public Result<List<TrailEventDTO>> trail(String tradeNo) {
        return Result.ok(trail.trail(tradeNo));
    }
}
