package io.paysuite.pay.infra.saga;

import io.paysuite.pay.combination.CombinationSaga;
import io.paysuite.pay.combination.CombinationSteps;
import io.seata.saga.engine.StateMachineEngine;
import io.seata.saga.statelang.domain.StateMachineInstance;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link CombinationSaga} on Seata's state machine engine: one synchronous run of
 * statelang/combination-pay.json per call. Runs carry no business key: the pay order's check may start
 * a second run of the same pay order (every step is idempotent on the pay order number), which a unique
 * business key would refuse.
 */
@Component
public class SeataCombinationSaga implements CombinationSaga {

    static final String STATE_MACHINE = "combinationPay";
    private static final Logger log = LoggerFactory.getLogger(SeataCombinationSaga.class);

    private final StateMachineEngine engine;

    public SeataCombinationSaga(StateMachineEngine engine) {
        this.engine = engine;
    }

    @Override
    public Map<String, String> run(String payOrderNo, String authCode) {
        Map<String, Object> params = new HashMap<>();
        params.put("payOrderNo", payOrderNo);
        if (authCode != null) {
            params.put("authCode", authCode);
        }
        StateMachineInstance run = engine.start(STATE_MACHINE, null, params);
        log.info("combination Saga {} of pay order {} ended {} (compensation {})", run.getId(), payOrderNo, run.getStatus(),
                run.getCompensationStatus());
        return answers(run, CombinationSteps.COUPON, CombinationSteps.POINTS, CombinationSteps.CHARGE);
    }

    /** The steps' answers a run left in its context (or its end parameters), by name; a step not reached is absent. */
    static Map<String, String> answers(StateMachineInstance run, String... steps) {
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, Object> context = run.getContext() == null ? Map.of() : run.getContext();
        for (String step : steps) {
            Object answer = context.get(step);
            if (answer == null && run.getEndParams() != null) {
                answer = run.getEndParams().get(step);
            }
            if (answer != null) {
                answers.put(step, answer.toString());
            }
        }
        return answers;
    }
}
