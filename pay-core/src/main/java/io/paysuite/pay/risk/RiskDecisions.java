package io.paysuite.pay.risk;

import io.paysuite.api.risk.RiskDecisionDTO;
import io.paysuite.api.risk.RiskDecisionQry;
import java.util.List;

/** The decision log: one insert per decision (an implementation may sample ALLOWs), and operators' reads. */
public interface RiskDecisions {

    void record(RiskDecision decision);

    List<RiskDecisionDTO> recent(RiskDecisionQry qry);
}
