package io.paysuite.member.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponOfferDTO;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.CouponTemplateCmd;
import io.paysuite.api.promotion.CouponTemplateDTO;
import io.paysuite.api.promotion.CouponUseCmd;
import io.paysuite.api.promotion.CouponUseDTO;
import io.paysuite.api.promotion.IssueCouponCmd;
import io.paysuite.api.promotion.UsableCouponsQry;
import io.paysuite.member.promotion.Coupons;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link CouponService} over Dubbo. What it throws is answered by the kit's {@code ErrorBoundaryFilter};
 * the money-moving methods (issue, freeze, confirm, release, giveBack) answer only the callers the kit's
 * {@code GuardedCall} names. Each call is a few single-row statements: 3 s leaves the Saga's step
 * timeouts room to see a definite answer.
 */
@DubboService(version = ApiVersion.DUBBO, timeout = 3000)
public class CouponServiceProvider implements CouponService {

    private final Coupons coupons;

    public CouponServiceProvider(Coupons coupons) {
        this.coupons = coupons;
    }

    @Override
    public Result<CouponTemplateDTO> createTemplate(CouponTemplateCmd cmd) {
        return Result.ok(coupons.createTemplate(cmd));
    }

    @Override
    public Result<CouponDTO> issue(IssueCouponCmd cmd) {
        return Result.ok(coupons.issue(cmd));
    }

    @Override
    public Result<List<CouponDTO>> listByBuyer(String buyerId) {
        return Result.ok(coupons.listByBuyer(buyerId));
    }

    @Override
    public Result<List<CouponOfferDTO>> listUsable(UsableCouponsQry qry) {
        return Result.ok(coupons.listUsable(qry));
    }

    @Override
    public Result<CouponUseDTO> freeze(CouponUseCmd cmd) {
        return Result.ok(coupons.freeze(cmd));
    }

    @Override
    public Result<CouponUseDTO> confirm(String couponId, String useKey) {
        return Result.ok(coupons.confirm(couponId, useKey));
    }

    @Override
    public Result<CouponUseDTO> release(String couponId, String useKey) {
        return Result.ok(coupons.release(couponId, useKey));
    }

    @Override
    public Result<CouponUseDTO> giveBack(String couponId, String useKey) {
        return Result.ok(coupons.giveBack(couponId, useKey));
    }
}
