package io.paysuite.pay.combination;

import java.util.Map;

/**
 * Runs the refund Saga of one combination payment to its end (implemented in {@code infra.saga} by Seata's
 * state machine engine over statelang/combination-refund.json) and answers each step's encoded
 * {@link StepAnswer} by its context name ({@link GiveBackSteps#POINTS}, {@link GiveBackSteps#COUPON}); a step
 * the Saga did not reach is absent. Throws when the engine itself failed: the outcome is then unknown.
 */
public interface GiveBackSaga {

    Map<String, String> run(String payOrderNo, String refundNo);
}
