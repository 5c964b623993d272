package io.paysuite.api.payout;

/**
 * A payout's state. {@code PROCESSING} covers "not sent yet", "accepted, not done" and "unknown"
 * alike: only the payout channel's definite answer (or its query's) makes it {@code SUCCESS} or
 * {@code FAILED}, and the first final answer wins.
 */
public enum PayoutStatus {
    PROCESSING,
    SUCCESS,
    FAILED;

    public boolean isFinal() {
        return this != PROCESSING;
    }
}
