package io.paysuite.pay.combination;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayOrderRepository;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the refund Saga of a combination payment (statelang/combination-refund.json, bean
 * {@value #BEAN}), run once its trade was refunded in full and the cash is back: give back the points,
 * then the coupon. Each reads the pay order and calls member-service under the pay order number (the
 * use key), so a repeat — the refund's retries, a new run, the coordinator's recovery — gives back once.
 *
 * <p>Forward only: a give-back has nothing to compensate (the cash refund before it is final), so a step
 * never throws into the engine; it answers a {@link StepAnswer}. A give-back refused because the use is
 * still {@code FROZEN} (the payment's confirmation has not reached member-service yet) confirms first — the
 * pay order succeeded, so confirming is what its settlement would do — and asks again.
 */
@Component(GiveBackSteps.BEAN)
public class GiveBackSteps {

    public static final String BEAN = "giveBackSteps";
    /** The context names of the step answers (the state language's outputs). */
    public static final String POINTS = "pointsBackAnswer";
    public static final String COUPON = "couponBackAnswer";

    private static final Logger log = LoggerFactory.getLogger(GiveBackSteps.class);

    private final PayOrderRepository orders;
    private final CouponService coupons;
    private final PointsService points;

    public GiveBackSteps(PayOrderRepository orders, CouponService coupons, PointsService points) {
        this.orders = orders;
        this.coupons = coupons;
        this.points = points;
    }

    public String giveBackPoints(String payOrderNo, String refundNo) {
        return guarded(payOrderNo, refundNo, "points give-back", () -> {
            PayOrder order = order(payOrderNo);
            if (order.parts().pointsMinor() == 0) {
                return StepAnswer.skipped();
            }
            return answered(payOrderNo, refundNo, "points give-back", () -> points.giveBack(payOrderNo),
                    () -> points.confirm(payOrderNo));
        });
    }

    public String giveBackCoupon(String payOrderNo, String refundNo) {
        return guarded(payOrderNo, refundNo, "coupon give-back", () -> {
            PayOrder order = order(payOrderNo);
            String couponId = order.parts().couponId();
            if (couponId == null || order.parts().couponMinor() == 0) {
                return StepAnswer.skipped();
            }
            return answered(payOrderNo, refundNo, "coupon give-back", () -> coupons.giveBack(couponId, payOrderNo),
                    () -> coupons.confirm(couponId, payOrderNo));
        });
    }

    private static StepAnswer answered(String payOrderNo, String refundNo, String what, Supplier<Result<?>> giveBack,
                                       Supplier<Result<?>> confirm) {
        Result<?> answer = giveBack.get();
        if (Outcome.of(answer) == Outcome.FAILED && Outcome.of(confirm.get()) == Outcome.SUCCEEDED) {
            answer = giveBack.get(); // the use was still frozen: confirmed now, so it can be given back
        }
        return switch (Outcome.of(answer)) {
            case SUCCEEDED -> StepAnswer.done();
            case UNKNOWN -> new StepAnswer(StepAnswer.Kind.UNKNOWN, answer == null ? null : answer.code(), null);
            case FAILED -> {
                log.error("ALARM: pay order {} refund {}: {} refused {} {}", payOrderNo, refundNo, what, answer.code(),
                        answer.message());
                yield new StepAnswer(StepAnswer.Kind.REFUSED, answer.code(), null);
            }
        };
    }

    private PayOrder order(String payOrderNo) {
        return orders.find(payOrderNo).orElseThrow(() -> new IllegalStateException("no pay order " + payOrderNo));
    }

    /** A step never throws into the engine: a fault is an unknown answer, and the refund asks again. */
    private static String guarded(String payOrderNo, String refundNo, String what, Supplier<StepAnswer> step) {
        try {
            return step.get().encode();
        } catch (RuntimeException fault) {
            log.warn("pay order {} refund {}: {} outcome unknown: {}", payOrderNo, refundNo, what, fault.toString());
            return new StepAnswer(StepAnswer.Kind.UNKNOWN, io.paysuite.api.error.ErrorCode.SYSTEM_ERROR.code(), null).encode();
        }
    }
}
