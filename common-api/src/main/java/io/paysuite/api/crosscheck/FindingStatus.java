package io.paysuite.api.crosscheck;

/** An internal reconciliation finding: still disagreeing, or agreed by a later check. */
public enum FindingStatus {
    OPEN, CLEARED
}
