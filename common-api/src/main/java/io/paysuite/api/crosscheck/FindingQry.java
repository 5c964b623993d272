package io.paysuite.api.crosscheck;

import java.io.Serializable;

/**
 * Findings in one state, newest first.
 *
 * @param status null for both states
 * @param limit  at most this many (1–500)
 */
public record FindingQry(FindingStatus status, int limit) implements Serializable {
}
