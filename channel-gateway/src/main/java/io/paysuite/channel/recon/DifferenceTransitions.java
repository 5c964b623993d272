package io.paysuite.channel.recon;

import static io.paysuite.api.recon.DifferenceStatus.ESCALATED;
import static io.paysuite.api.recon.DifferenceStatus.OPEN;
import static io.paysuite.api.recon.DifferenceStatus.RESOLVED;

import io.paysuite.api.recon.DifferenceStatus;
import io.paysuite.kit.state.StateTable;

/**
 * A reconciliation difference's transition table. {@code OPEN → ESCALATED} when the system cannot decide it (the
 * operators' queue, alarmed); {@code OPEN | ESCALATED → RESOLVED} with a resolution (the system's, a later run that
 * no longer finds it, or an operator's action). A resolved difference stays resolved: a later run that finds the
 * same disagreement again records a new difference only if it is a different one (another type).
 */
public final class DifferenceTransitions {

    public static final StateTable<DifferenceStatus> TABLE = StateTable.of("reconciliation difference", DifferenceStatus.class)
            .allow(OPEN, ESCALATED, RESOLVED)
            .allow(ESCALATED, RESOLVED)
            .terminal(RESOLVED)
            .build();

    private DifferenceTransitions() {
    }
}
