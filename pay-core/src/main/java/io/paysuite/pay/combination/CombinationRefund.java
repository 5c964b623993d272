package io.paysuite.pay.combination;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayOrderRepository;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The coupon and points of a combination payment given back when its trade was refunded in full
 * (docs/adr/0008, "Refunds"), through the refund Saga ({@link GiveBackSaga}): points, then coupon. trade-core
 * calls it after the refund's cash is back, and again on every retry of the refund until it answers: both
 * give-backs are keyed by the pay order number, so repeats give back once.
 *
 * <p>Answers the pay order when both are back (or there was nothing to give back, or member-service
 * definitely refused — an alarm: the cash refund stands, and an operator returns the coupon or points by
 * hand); throws {@code SERVICE_DEGRADED} — unknown, ask again — when a step's answer was lost or the Saga
 * stopped before its end.
 */
@Component
public class CombinationRefund {

    private static final Logger log = LoggerFactory.getLogger(CombinationRefund.class);

    private final PayOrderRepository orders;
    private final GiveBackSaga saga;

    public CombinationRefund(PayOrderRepository orders, GiveBackSaga saga) {
        this.orders = orders;
        this.saga = saga;
    }

    public PayOrderDTO giveBack(String payOrderNo, String refundNo) {
        if (refundNo == null || refundNo.isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "refundNo is required");
        }
        PayOrder order = orders.find(payOrderNo)
                .orElseThrow(() -> new BizException(ErrorCode.PAY_ORDER_NOT_FOUND, "no pay order " + payOrderNo));
        if (order.status() != PayOrderStatus.SUCCESS) {
            throw new BizException(ErrorCode.PARAM_ERROR, "pay order " + payOrderNo + " is " + order.status() + ", not paid");
        }
        if (order.parts().couponMinor() == 0 && order.parts().pointsMinor() == 0) {
            return order.toDTO(); // one tool: nothing but cash to refund
        }
        Map<String, String> answers = saga.run(payOrderNo, refundNo);
        if (!ended(answers.get(GiveBackSteps.POINTS)) || !ended(answers.get(GiveBackSteps.COUPON))) {
            log.warn("pay order {} refund {}: give-back not finished yet {}", payOrderNo, refundNo, answers);
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "the coupon and points of pay order " + payOrderNo
                    + " are not all given back yet: ask again");
        }
        log.info("pay order {} refund {}: coupon and points given back {}", payOrderNo, refundNo, answers);
        return order.toDTO();
    }

    /** Done, nothing to do, or definitely refused (alarmed by the step): nothing more will change it. */
    private static boolean ended(String encoded) {
        StepAnswer answer = StepAnswer.decode(encoded);
        return answer != null && (answer.kind() == StepAnswer.Kind.DONE || answer.kind() == StepAnswer.Kind.SKIPPED
                || answer.kind() == StepAnswer.Kind.REFUSED);
    }
}
