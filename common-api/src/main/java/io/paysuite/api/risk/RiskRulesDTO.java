package io.paysuite.api.risk;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The risk rule document in force: its JSON text as stored in the config center ({@code null} when
 * none is, and no rule applies), where it is stored, when this pay-core instance loaded it, its
 * rules' ids, and the config center's version of it — the opaque token a replacement must name
 * ({@link ReplaceRiskRulesCmd#expectedVersion()}); {@code absent} when there is no document.
 */
public record RiskRulesDTO(String document, String path, Instant loadedAt, List<String> ruleIds, String version)
        implements Serializable {

    public RiskRulesDTO {
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
    }
}
