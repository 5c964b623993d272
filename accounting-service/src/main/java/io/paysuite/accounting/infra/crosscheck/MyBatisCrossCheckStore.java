package io.paysuite.accounting.infra.crosscheck;

import io.paysuite.accounting.crosscheck.CrossCheckFindings;
import io.paysuite.accounting.crosscheck.Disagreement;
import io.paysuite.accounting.crosscheck.PendingCheck;
import io.paysuite.accounting.crosscheck.PendingChecks;
import io.paysuite.accounting.crosscheck.TradeSides;
import io.paysuite.api.crosscheck.CrossCheckFindingDTO;
import io.paysuite.api.crosscheck.DisagreementKind;
import io.paysuite.api.crosscheck.FindingStatus;
import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.kit.shadow.ShadowContext;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Pending checks and findings on MariaDB. Every statement is one compare-and-set or one idempotent
 * insert, so several instances share the tables without locks of their own. A round of due checks
 * costs a fixed handful of statements whatever its size: claim (update + read back), open findings,
 * trades checked, checks finished (a delete, and an update only when news came in meanwhile).
 */
@Repository
public class MyBatisCrossCheckStore implements PendingChecks, CrossCheckFindings {

    /** Not read yet: the sweep starts at its look-back window. */
    private static final long UNSET = -1;
    private static final int SIDES_MAX = 1024;
    /** Journal entries read per trade handed on: a round reads this many times its batch. */
    private static final int SCAN_PER_TRADE = 20;

    private final CrossCheckMapper mapper;
    private final Clock clock;
    private final Duration lookBack;
    /** This instance's sweep cursor: the first journal entry id it has not looked at. */
    private final AtomicLong nextEntryId = new AtomicLong(UNSET);
    /** Real traffic's notes and load traffic's apart: a group is written on its leader's side ({@link ShadowContext}). */
    private final GroupedNotes notes;
    private final GroupedNotes shadowNotes;

    public MyBatisCrossCheckStore(CrossCheckMapper mapper, Clock clock, CrossCheckProperties properties) {
        this.mapper = mapper;
        this.clock = clock;
        this.lookBack = properties.lookBack();
        this.notes = new GroupedNotes(mapper::note, properties.noteWindow(), properties.noteGroup());
        this.shadowNotes = new GroupedNotes(mapper::note, properties.noteWindow(), properties.noteGroup());
    }

    /**
     * Concurrent notes (the consumers' threads) share one insert: {@link GroupedNotes}. Returns once the note is
     * written. A group is written on its leader's thread, so load traffic's notes gather apart from real ones: one
     * group of both would put the followers' rows on the leader's side — a load trade checked against the real
     * records (a false finding), a real trade's check lost until the sweep.
     */
    @Override
    public void note(String tradeNo, String refundNo, Instant at) {
        PendingRow row = new PendingRow();
        row.tradeNo = tradeNo;
        row.refundNo = refundNo;
        row.notedAt = time(at);
        (ShadowContext.active() ? shadowNotes : notes).note(row);
    }

    @Override
    public List<PendingCheck> claimDue(Instant before, Instant now, int limit) {
        String claim = UUID.randomUUID().toString();
        LocalDateTime at = time(now);
        if (mapper.claimDue(time(before), at, claim, limit) == 0) {
            return List.of();
        }
        return mapper.claimed(at, claim).stream()
                .map(row -> new PendingCheck(row.tradeNo, row.refundNo, row.notedAt.toInstant(ZoneOffset.UTC), row.attempts))
                .toList();
    }

    @Override
    public void lookAgain(PendingCheck check) {
        mapper.lookAgain(check.tradeNo(), check.refundNo());
    }

    @Override
    public void finished(Collection<PendingCheck> checks, Instant now) {
        if (checks.isEmpty()) {
            return;
        }
        List<PendingRow> rows = checks.stream().map(MyBatisCrossCheckStore::row).toList();
        if (mapper.forget(rows) < rows.size()) {
            mapper.renote(rows, time(now)); // rarely: news arrived while the check ran
        }
    }

    @Override
    public void checked(Collection<String> tradeNos, Instant at) {
        if (!tradeNos.isEmpty()) {
            mapper.checked(List.copyOf(new LinkedHashSet<>(tradeNos)), time(at));
        }
    }

    private static PendingRow row(PendingCheck check) {
        PendingRow row = new PendingRow();
        row.tradeNo = check.tradeNo();
        row.refundNo = check.refundNo();
        return row;
    }

    @Override
    public List<String> uncheckedTrades(Instant before, int limit) {
        if (nextEntryId.get() == UNSET) {
            nextEntryId.compareAndSet(UNSET, mapper.firstEntrySince(time(clock.instant().minus(lookBack))));
        }
        long from = nextEntryId.get();
        // most entries were covered by their event's check: read many, hand on at most `limit` trades
        List<EntryRow> rows = mapper.entriesFrom(from, time(before), Math.multiplyExact(limit, SCAN_PER_TRADE));
        Set<String> unchecked = new LinkedHashSet<>();
        long next = from;
        for (EntryRow row : rows) {
            if (TradeSides.isTradeNo(row.bizNo) && (row.checkedAt == null || row.checkedAt.isBefore(row.postedAt))) {
                if (unchecked.size() == limit && !unchecked.contains(row.bizNo)) {
                    break; // the rest next round, from this entry
                }
                unchecked.add(row.bizNo);
            }
            next = row.id + 1;
        }
        nextEntryId.compareAndSet(from, next);
        return List.copyOf(unchecked);
    }

    @Override
    public Map<String, List<CrossCheckFindingDTO>> open(Collection<String> tradeNos) {
        if (tradeNos.isEmpty()) {
            return Map.of();
        }
        return mapper.openOf(List.copyOf(tradeNos)).stream().map(MyBatisCrossCheckStore::dto)
                .collect(Collectors.groupingBy(CrossCheckFindingDTO::tradeNo, LinkedHashMap::new, Collectors.toList()));
    }

    @Override
    public boolean raise(Disagreement disagreement, Instant now) {
        FindingRow row = new FindingRow();
        row.tradeNo = disagreement.tradeNo();
        row.kind = disagreement.kind().name();
        row.subject = disagreement.subject();
        row.sides = disagreement.sides().length() > SIDES_MAX ? disagreement.sides().substring(0, SIDES_MAX) : disagreement.sides();
        row.now = time(now);
        if (DuplicateKey.inserted(() -> mapper.insertFinding(row))) {
            return true;
        }
        boolean wasOpen = FindingStatus.OPEN.name().equals(mapper.statusOf(row.tradeNo, row.kind, row.subject));
        mapper.reopen(row);
        return !wasOpen;
    }

    @Override
    public boolean clear(CrossCheckFindingDTO finding, Instant now) {
        return mapper.clear(finding.findingId(), time(now)) == 1;
    }

    @Override
    public List<String> openCheckedBefore(Instant before, int limit) {
        return mapper.openCheckedBefore(time(before), limit);
    }

    @Override
    public long openCount() {
        return mapper.openCount();
    }

    @Override
    public List<CrossCheckFindingDTO> list(FindingStatus status, int limit) {
        return mapper.list(status == null ? null : status.name(), limit).stream().map(MyBatisCrossCheckStore::dto).toList();
    }

    private static CrossCheckFindingDTO dto(FindingRow row) {
        return new CrossCheckFindingDTO(row.id, row.tradeNo, DisagreementKind.valueOf(row.kind), row.subject, row.sides,
                FindingStatus.valueOf(row.status), instant(row.firstSeen), instant(row.lastChecked), instant(row.clearedAt));
    }

    /** DATETIME(3): what a compare-and-set on the time reads back. */
    private static LocalDateTime time(Instant at) {
        return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
