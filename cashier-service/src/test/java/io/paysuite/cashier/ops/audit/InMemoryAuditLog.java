package io.paysuite.cashier.ops.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The audit log in memory, chained like the table. */
public final class InMemoryAuditLog implements AuditLog {

    public final List<AuditEntry> rows = new ArrayList<>();

    @Override
    public synchronized AuditEntry append(AuditEntry.Draft draft) {
        String prev = rows.isEmpty() ? AuditChain.GENESIS : rows.get(rows.size() - 1).rowHash();
        AuditEntry entry = draft.chainedTo(rows.size() + 1, prev);
        rows.add(entry);
        return entry;
    }

    @Override
    public synchronized List<AuditEntry> newest(String actor, Long beforeId, int limit) {
        return rows.stream().filter(e -> actor == null || e.actor().equals(actor)).filter(e -> beforeId == null || e.auditId() < beforeId)
                .sorted(Comparator.comparingLong(AuditEntry::auditId).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<AuditEntry> ascending(long afterId, int limit) {
        return new ArrayList<>(rows.stream().filter(e -> e.auditId() > afterId).limit(limit).toList());
    }
}
