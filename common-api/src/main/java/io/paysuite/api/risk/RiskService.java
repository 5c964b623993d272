package io.paysuite.api.risk;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;
import java.util.List;

/**
 * pay-core's risk engine for operators (the ops API and console): the rule document in force, the
 * decisions it took, and replacing the document. Screening itself is inside {@code PayService.pay}.
 */
public interface RiskService {

    /** The document in force on the answering instance. */
    @ReadOnly
    Result<RiskRulesDTO> rules();

    /** The latest decisions first, filtered. */
    @ReadOnly
    Result<List<RiskDecisionDTO>> recentDecisions(RiskDecisionQry qry);

    /**
     * Validates the document and writes it to the config center over the version read ({@link RiskRulesDTO#version()}),
     * a compare-and-set in the config center itself; every pay-core instance then loads it. {@code PARAM_ERROR} naming
     * what is wrong when it does not validate or names no version, {@code RULES_VERSION_CONFLICT} when the document
     * changed since that version was read (nothing is written either way).
     */
    Result<RiskRulesDTO> replaceRules(ReplaceRiskRulesCmd cmd);
}
