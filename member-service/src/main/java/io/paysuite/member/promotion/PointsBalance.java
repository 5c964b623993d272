package io.paysuite.member.promotion;

/** A buyer's points ({@code points_account}): what can be used and what payments hold. */
public record PointsBalance(String buyerId, long available, long frozen) {
}
