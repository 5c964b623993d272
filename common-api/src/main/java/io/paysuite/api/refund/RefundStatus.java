package io.paysuite.api.refund;

/** Refund states (API.md): {@code PROCESSING} until a definite outcome; {@code SUCCESS} and {@code FAILED} are final. */
public enum RefundStatus {
    PROCESSING,
    SUCCESS,
    FAILED
}
