package io.paysuite.cashier.page;

import io.paysuite.api.common.Result;
import io.paysuite.api.promotion.CouponOfferDTO;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.PointsAccountDTO;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.promotion.UsableCouponsQry;
import io.paysuite.api.trade.TradeDTO;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buyer's coupons and points for one trade, read from member-service (which owns them and computes
 * every discount). When it does not answer, the form still pays with a method alone and says why no
 * coupon is offered: a discount is a bonus, never a reason the buyer cannot pay.
 */
final class BuyerPromotions {

    private static final Logger log = LoggerFactory.getLogger(BuyerPromotions.class);

    private final CouponService coupons;
    private final PointsService points;

    BuyerPromotions(CouponService coupons, PointsService points) {
        this.coupons = coupons;
        this.points = points;
    }

    PromotionChoices choicesFor(String buyerId, TradeDTO trade) {
        try {
            Result<List<CouponOfferDTO>> usable = coupons.listUsable(new UsableCouponsQry(buyerId, trade.merchantId(), trade.amount()));
            Result<PointsAccountDTO> account = points.account(buyerId);
            if (usable == null || !usable.success() || account == null || !account.success()) {
                log.warn("buyer promotions unreadable trade_no={} coupons={} points={}", trade.tradeNo(),
                        usable == null ? null : usable.code(), account == null ? null : account.code());
                return PromotionChoices.unavailable();
            }
            return PromotionChoices.of(trade.amount(), usable.data() == null ? List.of() : usable.data(), account.data());
        } catch (RuntimeException unavailable) {
            log.warn("buyer promotions unavailable trade_no={}: {}", trade.tradeNo(), unavailable.toString());
            return PromotionChoices.unavailable();
        }
    }
}
