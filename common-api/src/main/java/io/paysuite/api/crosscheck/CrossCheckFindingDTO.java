package io.paysuite.api.crosscheck;

import java.io.Serializable;
import java.time.Instant;

/**
 * One disagreement among a trade's records, as stored for operators.
 *
 * @param subject     the record it is about: the trade number, a pay order, refund or entry number
 * @param sides       what each side says, e.g. {@code trade: SUCCESS paid 1000 CNY; ledger: no PAYMENT entry}
 * @param firstSeen   when a check first raised it
 * @param lastChecked when a check last looked at it
 * @param clearedAt   when a later check agreed (null while OPEN)
 */
public record CrossCheckFindingDTO(long findingId, String tradeNo, DisagreementKind kind, String subject, String sides,
                                   FindingStatus status, Instant firstSeen, Instant lastChecked, Instant clearedAt)
        implements Serializable {
}
