package io.paysuite.pay.combination;

import java.util.Map;

/**
 * Runs the combination Saga of one pay order to its end (implemented in {@code infra.saga} by Seata's
 * state machine engine over statelang/combination-pay.json) and answers each step's encoded
 * {@link StepAnswer} by its context name ({@link CombinationSteps#COUPON} …); a step the Saga did not
 * reach is absent. Throws when the engine itself failed (its log or the coordinator unreachable): the
 * outcome is then unknown and the pay order's check runs it again.
 */
public interface CombinationSaga {

    Map<String, String> run(String payOrderNo, String authCode);
}
