package io.paysuite.api.payout;

import java.io.Serializable;

/** Payouts for operators: optionally of one status and one owner, newest first, at most {@code limit} (1–500). */
public record PayoutQry(PayoutStatus status, String ownerId, int limit) implements Serializable {
}
