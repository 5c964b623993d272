package io.paysuite.api.recon;

import java.io.Serializable;

/**
 * An operator resolves a difference. Idempotent per difference: a repeat of the action that resolved it
 * answers the difference as it is; another action on a resolved difference is refused.
 *
 * @param action   {@code ACCEPT}, {@code REFUND} or {@code ADJUST} (the operators' actions)
 * @param reason   required: why (kept with the resolution and on the journal entry)
 * @param operator required: who (the identity the ops API authenticated)
 */
public record ResolveDifferenceCmd(long differenceId, ResolutionAction action, String reason, String operator)
        implements Serializable {
}
