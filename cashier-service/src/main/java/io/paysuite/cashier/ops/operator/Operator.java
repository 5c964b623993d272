package io.paysuite.cashier.ops.operator;

import java.time.Instant;

/**
 * A person at the ops console.
 *
 * @param passwordHash BCrypt, never the password
 * @param failedLogins wrong passwords in a row since the last right one
 * @param lockedUntil  while in the future, no password is even checked
 */
public record Operator(String loginName, String displayName, OperatorRole role, String passwordHash, OperatorStatus status,
                       int failedLogins, Instant lockedUntil, Instant createdAt, String createdBy, Instant updatedAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** What the console and the API show: everything but the hash. */
    public OperatorView view() {
        return new OperatorView(loginName, displayName, role.name(), status.name(), failedLogins, lockedUntil, createdAt, createdBy);
    }

    public record OperatorView(String loginName, String displayName, String role, String status, int failedLogins,
                               Instant lockedUntil, Instant createdAt, String createdBy) {
    }
}
