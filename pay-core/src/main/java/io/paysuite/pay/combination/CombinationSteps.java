package io.paysuite.pay.combination;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.CouponUseCmd;
import io.paysuite.api.promotion.CouponUseDTO;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.promotion.PointsUseCmd;
import io.paysuite.api.promotion.PointsUseDTO;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayOrderRepository;
import io.paysuite.pay.order.PayParts;
import io.paysuite.pay.order.PayPartsStore;
import io.paysuite.pay.order.tool.PaymentTools;
import io.paysuite.pay.order.tool.ToolOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the combination Saga, called by the state machine (statelang/combination-pay.json, bean
 * {@value #BEAN}) with the pay order number alone: each step reads the pay order, so a step the engine
 * runs again (its recovery, or the pay order's check running the Saga anew) acts on what is stored, and
 * every call to another service is keyed by the pay order number (member-service's use key, the
 * ledger's posting key, the gateway's order), so a repeat answers the first call.
 *
 * <p>Forward steps never throw: they answer a {@link StepAnswer}. A freeze whose answer is lost is
 * {@code UNKNOWN} and is compensated — nothing of the buyer's cash has moved yet, and member-service
 * records a release that overtakes its freeze so the late freeze is refused. The charge of the rest is
 * never compensated on {@code UNKNOWN} or {@code PENDING}: the channel may have the money.
 * Compensations throw when their answer is not definite, so the engine (and the Seata coordinator's
 * recovery) retries them.
 */
@Component(CombinationSteps.BEAN)
public class CombinationSteps {

    public static final String BEAN = "combinationSteps";
    /** The context names of the step answers (the state language's outputs). */
    public static final String COUPON = "couponAnswer";
    public static final String POINTS = "pointsAnswer";
    public static final String CHARGE = "chargeAnswer";

    private static final Logger log = LoggerFactory.getLogger(CombinationSteps.class);

    private final PayOrderRepository orders;
    private final PayPartsStore parts;
    private final CouponService coupons;
    private final PointsService points;
    private final PaymentTools tools;
    private final TradeService trades;

    public CombinationSteps(PayOrderRepository orders, PayPartsStore parts, CouponService coupons, PointsService points,
                            PaymentTools tools, TradeService trades) {
        this.orders = orders;
        this.parts = parts;
        this.coupons = coupons;
        this.points = points;
        this.tools = tools;
        this.trades = trades;
    }

    public String freezeCoupon(String payOrderNo) {
        return guarded(payOrderNo, "coupon freeze", () -> {
            PayOrder order = order(payOrderNo);
            if (order.parts().couponId() == null) {
                return StepAnswer.skipped();
            }
            StepAnswer stop = stopUnlessCharging(order);
            if (stop != null) {
                return stop;
            }
            Result<CouponUseDTO> use = coupons.freeze(new CouponUseCmd(order.parts().couponId(), order.buyerId(),
                    order.merchantId(), order.tradeNo(), order.amount(), payOrderNo));
            return switch (Outcome.of(use)) {
                case FAILED -> refused(use.code());
                case UNKNOWN -> new StepAnswer(StepAnswer.Kind.UNKNOWN, use.code(), null);
                case SUCCEEDED -> recordCoupon(order, use.data());
            };
        });
    }

    public String freezePoints(String payOrderNo) {
        return guarded(payOrderNo, "points freeze", () -> {
            PayOrder order = order(payOrderNo);
            if (!order.parts().usePoints()) {
                return StepAnswer.skipped();
            }
            StepAnswer stop = stopUnlessCharging(order);
            if (stop != null) {
                return stop;
            }
            // the points may pay all the coupon leaves (docs/adr/0008 Decision 10): the coupon alone always leaves
            // at least 0.01 (member-service's rule), so a payment the points complete still has a points line to book
            long room = order.amount().minor() - order.parts().couponMinor();
            if (room <= 0) {
                return StepAnswer.skipped();
            }
            Result<PointsUseDTO> use = points.freeze(new PointsUseCmd(order.buyerId(), order.tradeNo(),
                    Money.of(room, order.amount().currency()), payOrderNo));
            return switch (Outcome.of(use)) {
                case FAILED -> refused(use.code());
                case UNKNOWN -> new StepAnswer(StepAnswer.Kind.UNKNOWN, use.code(), null);
                case SUCCEEDED -> recordPoints(order, use.data(), room);
            };
        });
    }

    public String chargeRest(String payOrderNo, String authCode) {
        return guarded(payOrderNo, "charge", () -> {
            PayOrder order = order(payOrderNo);
            if (order.status() == PayOrderStatus.SUCCESS) {
                return new StepAnswer(StepAnswer.Kind.DONE, null, order.channel());
            }
            StepAnswer stop = stopUnlessCharging(order);
            if (stop != null) {
                return stop;
            }
            PayParts planned = order.parts();
            if (planned.couponId() != null && planned.couponMinor() == 0) {
                // the coupon step was skipped by a Saga that never saw its freeze: never charge the full price for it
                return new StepAnswer(StepAnswer.Kind.UNKNOWN, ErrorCode.SYSTEM_ERROR.code(), null);
            }
            Result<TradeDTO> trade = trades.get(TradeByNoQry.internal(order.tradeNo()));
            if (!trade.success()) {
                return new StepAnswer(StepAnswer.Kind.UNKNOWN, trade.code(), null);
            }
            // nothing left for the tool (the coupon and points pay it all): the ledger's entry of the coupon and points
            // is the whole payment — the wallet's path posts it with no wallet line, and no channel is asked for 0.00
            PayMethod tool = order.cashAmount().minor() == 0 ? PayMethod.BALANCE : order.method();
            ToolOutcome outcome = tools.of(tool).charge(order, trade.data(), authCode);
            return switch (outcome.kind()) {
                case SUCCESS -> new StepAnswer(StepAnswer.Kind.DONE, null, outcome.channel());
                case FAILED -> refused(outcome.code());
                case PENDING -> new StepAnswer(StepAnswer.Kind.PENDING, outcome.code(), null);
                case UNKNOWN -> new StepAnswer(StepAnswer.Kind.UNKNOWN, outcome.code(), null);
            };
        });
    }

    /** Compensation of {@link #freezeCoupon}; also runs when the freeze was refused or never answered. */
    public String releaseCoupon(String payOrderNo) {
        PayOrder order = order(payOrderNo);
        if (order.parts().couponId() == null) {
            return StepAnswer.skipped().encode();
        }
        Result<CouponUseDTO> released = coupons.release(order.parts().couponId(), payOrderNo);
        return settled(payOrderNo, "coupon release", released, HoldStatus.RELEASED).encode();
    }

    /** Compensation of {@link #freezePoints}; also runs when the freeze was refused or never answered. */
    public String releasePoints(String payOrderNo) {
        PayOrder order = order(payOrderNo);
        if (!order.parts().usePoints()) {
            return StepAnswer.skipped().encode();
        }
        Result<PointsUseDTO> released = points.release(payOrderNo);
        return settled(payOrderNo, "points release", released, HoldStatus.RELEASED).encode();
    }

    /**
     * A compensation or a settlement answered: done when definite; a refusal means the use is already on
     * the other side (a released use cannot be confirmed, a confirmed one not released) — logged, never
     * retried; an unknown answer throws so the caller retries.
     */
    static StepAnswer settled(String payOrderNo, String what, Result<?> answer, HoldStatus wanted) {
        switch (Outcome.of(answer)) {
            case SUCCEEDED -> {
                return StepAnswer.done();
            }
            case FAILED -> {
                log.error("ALARM: pay order {}: {} answered {} {} (wanted {})", payOrderNo, what, answer.code(),
                        answer.message(), wanted);
                return new StepAnswer(StepAnswer.Kind.REFUSED, answer.code(), null);
            }
            default -> throw new IllegalStateException(what + " of " + payOrderNo + " not answered: " + answer.code());
        }
    }

    /** A pay order already failed is not charged again; one that succeeded needs nothing more. */
    private static StepAnswer stopUnlessCharging(PayOrder order) {
        return switch (order.status()) {
            case PROCESSING -> null;
            case SUCCESS -> StepAnswer.done();
            case CREATED, FAILED -> refused(order.failCode() == null ? ErrorCode.SYSTEM_ERROR.code() : order.failCode());
        };
    }

    private StepAnswer recordCoupon(PayOrder order, CouponUseDTO use) {
        long discount = use.discount() == null ? 0 : use.discount().minor();
        if (discount <= 0 || discount >= order.amount().minor() || !order.amount().currency().equals(use.discount().currency())
                || use.fundedBy() == null) {
            // never trust an amount we did not compute: the buyer must pay at least one minor unit
            log.error("ALARM: pay order {}: coupon {} answered discount {} on {}", order.payOrderNo(), use.couponId(),
                    use.discount(), order.amount());
            return refused(ErrorCode.COUPON_NOT_USABLE.code());
        }
        parts.recordCoupon(order.payOrderNo(), use.name(), discount, use.fundedBy());
        return StepAnswer.done();
    }

    private StepAnswer recordPoints(PayOrder order, PointsUseDTO use, long room) {
        long value = use.value() == null ? 0 : use.value().minor();
        if (value < 0 || value > room || use.points() < 0) {
            log.error("ALARM: pay order {}: points answered {} worth {} for at most {}", order.payOrderNo(), use.points(),
                    use.value(), room);
            return refused(ErrorCode.POINTS_INSUFFICIENT.code());
        }
        parts.recordPoints(order.payOrderNo(), use.points(), value);
        return StepAnswer.done();
    }

    private PayOrder order(String payOrderNo) {
        return orders.find(payOrderNo).orElseThrow(() -> new IllegalStateException("no pay order " + payOrderNo));
    }

    private static StepAnswer refused(String code) {
        return new StepAnswer(StepAnswer.Kind.REFUSED, code, null);
    }

    /** A forward step never throws into the engine: a fault is an unknown answer. */
    private static String guarded(String payOrderNo, String what, java.util.function.Supplier<StepAnswer> step) {
        try {
            return step.get().encode();
        } catch (RuntimeException fault) {
            log.warn("pay order {}: {} outcome unknown: {}", payOrderNo, what, fault.toString());
            return new StepAnswer(StepAnswer.Kind.UNKNOWN, ErrorCode.SYSTEM_ERROR.code(), null).encode();
        }
    }
}
