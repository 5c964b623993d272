package io.paysuite.member.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.promotion.PointsAccountDTO;
import io.paysuite.api.promotion.PointsGrantCmd;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.promotion.PointsUseCmd;
import io.paysuite.api.promotion.PointsUseDTO;
import io.paysuite.member.promotion.Points;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link PointsService} over Dubbo; errors answered by the kit's {@code ErrorBoundaryFilter}, and grant,
 * freeze, confirm, release and giveBack answer only the callers the kit's {@code GuardedCall} names.
 */
@DubboService(version = ApiVersion.DUBBO, timeout = 3000)
public class PointsServiceProvider implements PointsService {

    private final Points points;

    public PointsServiceProvider(Points points) {
        this.points = points;
    }

    @Override
    public Result<PointsAccountDTO> account(String buyerId) {
        return Result.ok(points.account(buyerId));
    }

    @Override
    public Result<PointsAccountDTO> grant(PointsGrantCmd cmd) {
        return Result.ok(points.grant(cmd));
    }

    @Override
    public Result<PointsUseDTO> freeze(PointsUseCmd cmd) {
        return Result.ok(points.freeze(cmd));
    }

    @Override
    public Result<PointsUseDTO> confirm(String useKey) {
        return Result.ok(points.confirm(useKey));
    }

    @Override
    public Result<PointsUseDTO> release(String useKey) {
        return Result.ok(points.release(useKey));
    }

    @Override
    public Result<PointsUseDTO> giveBack(String useKey) {
        return Result.ok(points.giveBack(useKey));
    }
}
