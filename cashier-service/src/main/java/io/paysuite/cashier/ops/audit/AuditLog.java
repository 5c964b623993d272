package io.paysuite.cashier.ops.audit;

import java.util.List;

/**
 * The append-only audit table (infra: MyBatis). There is deliberately no update or delete here: appending is the only
 * way in. {@link #append} reads the last row's hash and inserts the new row in one transaction holding the last row
 * locked, so two instances appending at once still form one chain.
 */
public interface AuditLog {

    AuditEntry append(AuditEntry.Draft draft);

    /** Newest first; {@code actor} and {@code beforeId} optional. */
    List<AuditEntry> newest(String actor, Long beforeId, int limit);

    /** In id order after {@code afterId}, for walking the chain. */
    List<AuditEntry> ascending(long afterId, int limit);
}
