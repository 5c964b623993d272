package io.paysuite.api.member;

import java.io.Serializable;
import java.time.Instant;

/** The new key of a rotation, and how many older keys now stop verifying at {@code othersValidUntil}. */
public record AppKeyRotationDTO(AppKeyDTO key, int othersRetiring, Instant othersValidUntil) implements Serializable {
}
