package io.paysuite.pay.risk;

import io.paysuite.api.risk.RiskDecisionDTO;
import io.paysuite.api.risk.RiskDecisionQry;
import io.paysuite.api.pay.PayMethod;
import java.time.Instant;
import java.util.List;

/**
 * The decision log: one insert per decision (an implementation may sample plain ALLOWs, never a REVIEW or a
 * BLOCK), operators' reads, and the step-up check that reads the REVIEWs back.
 */
public interface RiskDecisions {

    void record(RiskDecision decision);

    /**
     * Whether the attempt {@code requestNo} of this trade, by this buyer with this method, was screened REVIEW at or
     * after {@code since}: the buyer was asked to step up and may now confirm with the password entered again.
     */
    boolean askedToStepUp(String tradeNo, String requestNo, String buyerId, PayMethod method, Instant since);

    List<RiskDecisionDTO> recent(RiskDecisionQry qry);
}
