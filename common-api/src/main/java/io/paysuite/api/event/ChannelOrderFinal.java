package io.paysuite.api.event;

/**
 * The body of {@code CHANNEL_ORDER_FINAL}: only the pay order number, never a result to trust;
 * pay-core asks channel-gateway for the outcome.
 */
public record ChannelOrderFinal(String payOrderNo) {
}
