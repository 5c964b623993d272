package io.paysuite.accounting.crosscheck;

import io.paysuite.api.crosscheck.DisagreementKind;

/**
 * One thing two of a trade's records disagree about.
 *
 * @param subject the record it is about (the trade, a pay order, refund or entry number); with the kind,
 *                what identifies the finding across checks
 * @param sides   what each side says, for the operator
 */
public record Disagreement(String tradeNo, DisagreementKind kind, String subject, String sides) {

    public String key() {
        return kind.name() + "/" + subject;
    }
}
