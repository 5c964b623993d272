package io.paysuite.api.event;

/** The body of {@code REFUND_ACCEPTED}: the refund trade-core drives to a final state. */
public record RefundAccepted(String refundNo, String tradeNo) {
}
