package io.paysuite.api.pay;

/**
 * Pay order states. {@code PROCESSING} covers "uncertain": a timeout is never a failure; only a
 * definite answer or reconciliation moves it to {@code SUCCESS} or {@code FAILED} (both final).
 */
public enum PayOrderStatus {
    CREATED,
    PROCESSING,
    SUCCESS,
    FAILED;

    public boolean isFinal() {
        return this == SUCCESS || this == FAILED;
    }
}
