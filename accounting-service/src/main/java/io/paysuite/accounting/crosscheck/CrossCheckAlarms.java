package io.paysuite.accounting.crosscheck;

/** Tells operators about a disagreement (port; infra: a Micrometer counter and an alarm log line). */
public interface CrossCheckAlarms {

    /** A disagreement a check raised after its grace period: newly opened, or still open. */
    void raised(Disagreement disagreement, boolean newlyOpened);

    /** An open finding a later check found agreeing. */
    void cleared(String tradeNo, String findingKey);
}
