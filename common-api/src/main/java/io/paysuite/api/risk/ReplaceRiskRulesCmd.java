package io.paysuite.api.risk;

import java.io.Serializable;

/** A new risk rule document for the config center, and who replaces it (for the log line). */
public record ReplaceRiskRulesCmd(String document, String operator) implements Serializable {
}
