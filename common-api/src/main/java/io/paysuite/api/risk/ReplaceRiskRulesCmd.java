package io.paysuite.api.risk;

import java.io.Serializable;

/**
 * A new risk rule document for the config center, the config center's version of the document it replaces (as
 * {@link RiskRulesDTO#version()} answered it: the write is a compare-and-set over it), and who replaces it (for the
 * log line).
 */
public record ReplaceRiskRulesCmd(String document, String expectedVersion, String operator) implements Serializable {
}
