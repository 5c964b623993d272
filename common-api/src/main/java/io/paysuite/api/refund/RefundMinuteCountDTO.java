package io.paysuite.api.refund;

import java.io.Serializable;
import java.time.Instant;

/** Refunds accepted in one minute (UTC, truncated) that are in {@code status} now, for the ops dashboard. */
public record RefundMinuteCountDTO(Instant minute, String status, long count) implements Serializable {
}
