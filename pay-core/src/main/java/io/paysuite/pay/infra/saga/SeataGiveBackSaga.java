package io.paysuite.pay.infra.saga;

import io.paysuite.pay.combination.GiveBackSaga;
import io.paysuite.pay.combination.GiveBackSteps;
import io.seata.saga.engine.StateMachineEngine;
import io.seata.saga.statelang.domain.StateMachineInstance;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link GiveBackSaga} on Seata's state machine engine: one synchronous run of
 * statelang/combination-refund.json per call, registered with the coordinator like the payment's Saga
 * ({@link SeataCombinationSaga}), so a run a killed pay-core left is driven forward. No business key: the
 * refund's retries start new runs, and every step is idempotent on the pay order number.
 */
@Component
public class SeataGiveBackSaga implements GiveBackSaga {

    static final String STATE_MACHINE = "combinationRefund";
    private static final Logger log = LoggerFactory.getLogger(SeataGiveBackSaga.class);

    private final StateMachineEngine engine;

    public SeataGiveBackSaga(StateMachineEngine engine) {
        this.engine = engine;
    }

    @Override
    public Map<String, String> run(String payOrderNo, String refundNo) {
        Map<String, Object> params = new HashMap<>();
        params.put("payOrderNo", payOrderNo);
        params.put("refundNo", refundNo);
        StateMachineInstance run = engine.start(STATE_MACHINE, null, params);
        log.info("refund Saga {} of pay order {} (refund {}) ended {}", run.getId(), payOrderNo, refundNo, run.getStatus());
        return SeataCombinationSaga.answers(run, GiveBackSteps.POINTS, GiveBackSteps.COUPON);
    }
}
