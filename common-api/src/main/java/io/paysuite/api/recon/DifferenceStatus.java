package io.paysuite.api.recon;

/**
 * Where a difference stands. {@code OPEN}: found, the system is still deciding (a query, a pay-back under way);
 * {@code ESCALATED}: the system cannot decide it, it waits in the operators' queue (alarmed); {@code RESOLVED}:
 * decided, with its resolution. The transitions are the gateway's {@code DifferenceTransitions} table.
 */
public enum DifferenceStatus {
    OPEN,
    ESCALATED,
    RESOLVED;

    public boolean isFinal() {
        return this == RESOLVED;
    }
}
