package io.paysuite.cashier.ops.audit;

import java.time.Instant;

/**
 * One line of the audit log as stored: who ({@code actor}, {@code actorRole}), when, what ({@code action} —
 * {@code REQUEST}, {@code LOGIN}, {@code LOGIN_REFUSED}, {@code LOGOUT} —, method, path, the target ids of the
 * path), the request body (secrets redacted), the answer's status and a summary of its body, and where the endpoint
 * knows them the object before and after. {@code rowHash} chains it to the line before ({@link AuditChain}).
 */
public record AuditEntry(long auditId, Instant at, String actor, String actorRole, String action, String method, String path,
                         String targetIds, String requestBody, int status, String responseSummary, String before, String after,
                         String remoteAddr, String prevHash, String rowHash) {

    /** A line to append: everything but its id and hashes, which the log gives it. */
    public record Draft(Instant at, String actor, String actorRole, String action, String method, String path, String targetIds,
                        String requestBody, int status, String responseSummary, String before, String after, String remoteAddr) {

        public AuditEntry chainedTo(long auditId, String prevHash) {
            return new AuditEntry(auditId, at, actor, actorRole, action, method, path, targetIds, requestBody, status, responseSummary,
                    before, after, remoteAddr, prevHash, AuditChain.hash(prevHash, this));
        }
    }

    public Draft draft() {
        return new Draft(at, actor, actorRole, action, method, path, targetIds, requestBody, status, responseSummary, before, after,
                remoteAddr);
    }
}
