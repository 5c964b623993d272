package io.paysuite.api.event;

/**
 * The body of {@code PAYOUT_FINAL}: only the payout number, never a result to trust; the owner of
 * the money asks channel-gateway ({@code PayoutService.get}) for the outcome.
 */
public record PayoutFinal(String payoutNo) {
}
