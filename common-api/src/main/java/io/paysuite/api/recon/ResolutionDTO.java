package io.paysuite.api.recon;

import java.io.Serializable;
import java.time.Instant;

/**
 * How a difference was resolved: who (an operator's identity, or {@code SYSTEM}), why, what was done and when.
 *
 * @param outcome    what was done, in words (the order settled, refund number, the entry posted)
 * @param postingKey the journal entry's posting key when one was posted, else null
 */
public record ResolutionDTO(ResolutionAction action, String by, String reason, String outcome, String postingKey, Instant at)
        implements Serializable {

    /** The resolver of what the system decided itself. */
    public static final String SYSTEM = "SYSTEM";
}
