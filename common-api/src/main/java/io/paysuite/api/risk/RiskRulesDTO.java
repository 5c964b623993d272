package io.paysuite.api.risk;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The risk rule document in force: its JSON text as stored in the config center ({@code null} when
 * none is, and no rule applies), where it is stored, when this pay-core instance loaded it, its
 * rules' ids, and the config center's version of it — the opaque token a replacement must name
 * ({@link ReplaceRiskRulesCmd#expectedVersion()}); {@code absent} when there is no document. When a document
 * stored after it was refused (it does not parse), {@code refusedDocument}, {@code refusedReason} and
 * {@code refusedAt} say which and why (all {@code null} otherwise), so an operator sees why it is not in force.
 */
public record RiskRulesDTO(String document, String path, Instant loadedAt, List<String> ruleIds, String version,
                           String refusedDocument, String refusedReason, Instant refusedAt)
        implements Serializable {

    public RiskRulesDTO {
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
    }

    /** No refused document waiting. */
    public RiskRulesDTO(String document, String path, Instant loadedAt, List<String> ruleIds, String version) {
        this(document, path, loadedAt, ruleIds, version, null, null, null);
    }
}
