package io.paysuite.accounting.crosscheck;

import io.paysuite.api.crosscheck.CrossCheckFindingDTO;
import io.paysuite.api.crosscheck.DisagreementKind;
import io.paysuite.api.crosscheck.FindingQry;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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
 * <p>Safe on several instances: pending checks are claimed in one atomic step before they are
 * checked, and findings are unique per trade, kind and subject. Checks run in rounds
 * ({@link #checkDue}), so that a round's reads and writes of this service's own tables are one
 * statement each, whatever its size.
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

    /**
     * What one round did: checks finished or kept for another look, and the trades whose read failed
     * (claimed, so they come back after the settle delay).
     */
    public record Round(int claimed, int checked, Map<String, RuntimeException> notRead) {
    }

    /**
     * Claims up to {@code limit} checks noted before {@code notedBefore} and checks them as one round:
     * the open findings of all its trades in one read, the trades read together ({@link TradeRecords#readAll}),
     * and the round's bookkeeping — trades checked, checks finished — in one write each. Several checks
     * of one trade (a refund's and the trade's own) are one read and one comparison.
     */
    public Round checkDue(Instant notedBefore, int limit) {
        Instant now = clock.instant();
        List<PendingCheck> claimed = pending.claimDue(notedBefore, now, limit);
        if (claimed.isEmpty()) {
            return new Round(0, 0, Map.of());
        }
        Map<String, List<PendingCheck>> byTrade = claimed.stream()
                .collect(Collectors.groupingBy(PendingCheck::tradeNo, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<CrossCheckFindingDTO>> open = findings.open(byTrade.keySet());
        Map<String, Set<String>> refundNos = new LinkedHashMap<>();
        byTrade.forEach((tradeNo, checks) -> {
            Set<String> refunds = new LinkedHashSet<>();
            checks.stream().map(PendingCheck::refundNo).filter(no -> !no.isEmpty()).forEach(refunds::add);
            open.getOrDefault(tradeNo, List.of()).stream().filter(f -> refundKind(f.kind())).forEach(f -> refunds.add(f.subject()));
            refundNos.put(tradeNo, refunds);
        });
        Map<String, RuntimeException> notRead = new LinkedHashMap<>();
        Map<String, TradeSides> read = reader.readAll(refundNos, notRead::put);

        List<String> checkedTrades = new ArrayList<>();
        List<PendingCheck> finished = new ArrayList<>();
        read.forEach((tradeNo, sides) -> {
            List<PendingCheck> checks = byTrade.get(tradeNo);
            List<Disagreement> found = CrossCheckRules.compare(sides);
            if (!found.isEmpty() && checks.stream().anyMatch(check -> check.attempts() == 0)) {
                // news since the last look: a second look after the settle delay before believing it
                checks.forEach(pending::lookAgain);
                return;
            }
            conclude(tradeNo, found, open.getOrDefault(tradeNo, List.of()), now);
            checkedTrades.add(tradeNo);
            finished.addAll(checks);
        });
        if (!checkedTrades.isEmpty()) {
            pending.checked(checkedTrades, now);
            pending.finished(finished, now);
        }
        return new Round(claimed.size(), finished.size(), notRead);
    }

    /** Raises what the check found and clears the open findings it no longer finds. */
    private void conclude(String tradeNo, List<Disagreement> found, List<CrossCheckFindingDTO> open, Instant now) {
        Set<String> still = found.stream().map(Disagreement::key).collect(Collectors.toSet());
        for (Disagreement disagreement : found) {
            alarms.raised(disagreement, findings.raise(disagreement, now));
        }
        for (CrossCheckFindingDTO finding : open) {
            String key = finding.kind().name() + "/" + finding.subject();
            if (!still.contains(key) && findings.clear(finding, now)) {
                alarms.cleared(tradeNo, key);
            }
        }
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
