package io.paysuite.member.promotion;

import io.paysuite.api.money.Money;

/**
 * What one succeeded refund took back of its trade's earned points ({@code points_take_back}, one per refund).
 *
 * @param due   the refund's share of the earned points ({@link PointsEarning#dueFor})
 * @param taken what the buyer still had available of it; {@code due − taken} is forgiven
 * @param value what the ledger books back ({@code Dr POINTS_LIABILITY / Cr MARKETING_EXPENSE})
 */
public record PointsTakeBack(String refundNo, String tradeNo, String buyerId, long due, long taken, Money value) {
}
