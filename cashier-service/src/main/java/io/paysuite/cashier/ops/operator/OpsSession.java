package io.paysuite.cashier.ops.operator;

import java.time.Instant;

/**
 * A console login. It answers until it ends (logout, operator disabled) or either clock runs out: idle (no request for
 * the idle timeout) or absolute (however busy, a login lasts at most the absolute timeout).
 *
 * @param sessionHash SHA-256 of the cookie's secret (the secret itself is never stored)
 * @param csrfToken   the synchronizer token every state-changing console request sends back
 */
public record OpsSession(String sessionHash, String loginName, String csrfToken, Instant createdAt, Instant lastSeenAt,
                         Instant idleExpiresAt, Instant expiresAt, Instant endedAt) {

    public boolean answersAt(Instant now) {
        return endedAt == null && now.isBefore(idleExpiresAt) && now.isBefore(expiresAt);
    }
}
