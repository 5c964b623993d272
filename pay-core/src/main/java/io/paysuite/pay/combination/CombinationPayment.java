package io.paysuite.pay.combination;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.pay.order.CombinationPay;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayPartsStore;
import io.paysuite.pay.order.tool.ToolOutcome;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link CombinationPay} as a Saga (docs/adr/0008): the state machine freezes the coupon, then the
 * points, then charges the rest with the pay order's tool; a definite refusal compensates the freezes
 * in reverse. This class turns what the Saga's steps answered into the one outcome the orchestrator
 * acts on ({@link #outcomeOf}), and confirms or releases the coupon and points once the pay order is
 * final ({@link #settle}) — whichever path made it final: the first answer, the check, a channel's
 * late result.
 */
@Component
public class CombinationPayment implements CombinationPay {

    private static final Logger log = LoggerFactory.getLogger(CombinationPayment.class);

    private final PayPartsStore parts;
    private final CombinationSaga saga;
    private final CouponService coupons;
    private final PointsService points;

    public CombinationPayment(PayPartsStore parts, CombinationSaga saga, CouponService coupons, PointsService points) {
        this.parts = parts;
        this.saga = saga;
        this.coupons = coupons;
        this.points = points;
    }

    @Override
    public void plan(PayOrder order, String couponId, boolean usePoints) {
        if (!parts.plan(order.payOrderNo(), couponId, usePoints)) {
            throw new IllegalStateException("pay order " + order.payOrderNo() + " moved on before its coupon and points were recorded");
        }
    }

    @Override
    public ToolOutcome charge(PayOrder order, TradeDTO trade, String authCode) {
        Map<String, String> answers;
        try {
            answers = saga.run(order.payOrderNo(), authCode);
        } catch (RuntimeException engine) {
            log.warn("pay order {}: combination Saga did not finish ({}); the check runs it again", order.payOrderNo(),
                    engine.toString());
            return new ToolOutcome(ToolOutcome.Kind.UNKNOWN, ErrorCode.SYSTEM_ERROR.code(), engine.toString());
        }
        return outcomeOf(answers);
    }

    /**
     * The charge's answer decides when the Saga got that far; otherwise the first freeze that stopped
     * it. A freeze that was refused or never answered was compensated: nothing was charged, so the
     * payment definitely failed ({@code SERVICE_DEGRADED} for a lost answer, like a channel refusing
     * before sending). No answer at all is unknown.
     */
    static ToolOutcome outcomeOf(Map<String, String> answers) {
        StepAnswer charge = StepAnswer.decode(answers.get(CombinationSteps.CHARGE));
        if (charge != null) {
            return switch (charge.kind()) {
                case DONE, SKIPPED -> charge.channel() == null ? ToolOutcome.success() : ToolOutcome.success(charge.channel());
                case REFUSED -> new ToolOutcome(ToolOutcome.Kind.FAILED, charge.code(), "the rest was refused; coupon and points released");
                case PENDING -> new ToolOutcome(ToolOutcome.Kind.PENDING, charge.code(), "waiting for the channel");
                case UNKNOWN -> new ToolOutcome(ToolOutcome.Kind.UNKNOWN, charge.code(), "the rest's charge outcome is unknown");
            };
        }
        for (String step : new String[] {CombinationSteps.COUPON, CombinationSteps.POINTS}) {
            StepAnswer freeze = StepAnswer.decode(answers.get(step));
            if (freeze == null || freeze.kind() == StepAnswer.Kind.DONE || freeze.kind() == StepAnswer.Kind.SKIPPED) {
                continue;
            }
            String code = freeze.kind() == StepAnswer.Kind.REFUSED ? freeze.code() : ErrorCode.SERVICE_DEGRADED.code();
            return new ToolOutcome(ToolOutcome.Kind.FAILED, code, step + " " + freeze.kind() + "; nothing was charged");
        }
        return new ToolOutcome(ToolOutcome.Kind.UNKNOWN, ErrorCode.SYSTEM_ERROR.code(), "the Saga stopped before its steps answered");
    }

    @Override
    public boolean settle(PayOrder order) {
        if (!order.parts().combination()) {
            return true;
        }
        boolean success = order.status() == PayOrderStatus.SUCCESS;
        if (!success && order.status() != PayOrderStatus.FAILED) {
            return false; // not final: the coupon and points stay frozen for the charge's answer
        }
        HoldStatus wanted = success ? HoldStatus.CONFIRMED : HoldStatus.RELEASED;
        boolean done = true;
        if (order.parts().couponId() != null) {
            String couponId = order.parts().couponId();
            done &= settled(order, "coupon " + (success ? "confirm" : "release"), wanted,
                    () -> success ? coupons.confirm(couponId, order.payOrderNo()) : coupons.release(couponId, order.payOrderNo()));
        }
        if (order.parts().usePoints()) {
            // points the Saga skipped (the coupon left no room) were never frozen: their key is released, not confirmed
            boolean confirm = success && (order.parts().points() > 0 || order.parts().pointsMinor() > 0);
            done &= settled(order, "points " + (confirm ? "confirm" : "release"), confirm ? HoldStatus.CONFIRMED : HoldStatus.RELEASED,
                    () -> confirm ? points.confirm(order.payOrderNo()) : points.release(order.payOrderNo()));
        }
        return done;
    }

    private static boolean settled(PayOrder order, String what, HoldStatus wanted, java.util.function.Supplier<Result<?>> call) {
        try {
            CombinationSteps.settled(order.payOrderNo(), what, call.get(), wanted);
            return true;
        } catch (RuntimeException notAnswered) {
            log.warn("pay order {}: {} not answered, retried by the check: {}", order.payOrderNo(), what, notAnswered.toString());
            return false;
        }
    }
}
