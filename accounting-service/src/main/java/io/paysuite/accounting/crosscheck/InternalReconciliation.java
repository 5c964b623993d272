package io.paysuite.accounting.crosscheck;

import io.paysuite.api.crosscheck.CrossCheckFindingDTO;
import io.paysuite.api.crosscheck.DisagreementKind;
import io.paysuite.api.crosscheck.FindingQry;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Internal reconciliation, near real time: each trade whose state or money moved is noted (from its
 * events, and by a sweep of recent journal entries and open findings), checked once the settle delay
 * has passed, and — if it disagrees — checked once more after the same delay before the disagreement
 * is believed: the money path posts, then moves the pay order, the trade, the release, each a message
 * apart, so a first look may catch it half way. A believed disagreement opens (or keeps open) a stored
 * finding and alarms; a later check that agrees clears it.
 *
 * <p>Safe on several instances: a pending check is claimed by compare-and-set before it is checked,
 * and findings are unique per trade, kind and subject.
 */
public class InternalReconciliation {

    /** The pending check's refund when an event named none. */
    public static final String NO_REFUND = "";
    /** The most findings one read answers. */
    public static final int MAX_FINDINGS = 500;

    private final TradeRecords reader;
    private final PendingChecks pending;
    private final CrossCheckFindings findings;
    private final CrossCheckAlarms alarms;
    private final Clock clock;

    public InternalReconciliation(TradeRecords reader, PendingChecks pending, CrossCheckFindings findings,
                                  CrossCheckAlarms alarms, Clock clock) {
        this.reader = reader;
        this.pending = pending;
        this.findings = findings;
        this.alarms = alarms;
        this.clock = clock;
    }

    /** A trade's state or money moved (an event): check it once the money path had time to settle. */
    public void noted(String tradeNo, String refundNo) {
        pending.note(tradeNo, refundNo == null ? NO_REFUND : refundNo, clock.instant());
    }

    /** Checks a pending trade it can claim; a check another instance claimed first is left to it. */
    public void check(PendingCheck due) {
        Instant now = clock.instant();
        if (!pending.claim(due, now)) {
            return;
        }
        List<CrossCheckFindingDTO> open = findings.open(due.tradeNo());
        Set<String> refundNos = new LinkedHashSet<>();
        if (!due.refundNo().isEmpty()) {
            refundNos.add(due.refundNo());
        }
        open.stream().filter(f -> refundKind(f.kind())).forEach(f -> refundNos.add(f.subject()));
        List<Disagreement> found = CrossCheckRules.compare(reader.read(due.tradeNo(), refundNos));
        if (!found.isEmpty() && due.attempts() == 0) {
            pending.lookAgain(due); // claimed, so it comes back after the settle delay: a second look before believing it
            return;
        }
        Set<String> still = found.stream().map(Disagreement::key).collect(Collectors.toSet());
        for (Disagreement disagreement : found) {
            alarms.raised(disagreement, findings.raise(disagreement, now));
        }
        for (CrossCheckFindingDTO finding : open) {
            String key = finding.kind().name() + "/" + finding.subject();
            if (!still.contains(key) && findings.clear(finding, now)) {
                alarms.cleared(finding.tradeNo(), key);
            }
        }
        pending.checked(due.tradeNo(), now);
        pending.done(due, now);
    }

    /** The stored findings for operators, newest first. */
    public List<CrossCheckFindingDTO> findings(FindingQry qry) {
        if (qry == null || qry.limit() < 1 || qry.limit() > MAX_FINDINGS) {
            throw new BizException(ErrorCode.PARAM_ERROR, "limit must be 1.." + MAX_FINDINGS);
        }
        return findings.list(qry.status(), qry.limit());
    }

    private static boolean refundKind(DisagreementKind kind) {
        return kind == DisagreementKind.REFUND_ENTRY_MISSING || kind == DisagreementKind.REFUND_NOT_REFUNDED
                || kind == DisagreementKind.REFUND_AMOUNT;
    }
}
