package io.paysuite.member.promotion;

import io.paysuite.api.money.Money;
import java.util.List;

/** {@link PointsLiability} that writes what it books as text: {@code "<key> <points> <value>"}, take-backs as {@code "PT-<refund> …"}. */
record BookedLiability(List<String> booked) implements PointsLiability {

    @Override
    public void granted(String buyerId, long points, Money value, String requestNo) {
        booked.add(requestNo + " " + points + " " + value.minor());
    }

    @Override
    public void takenBack(String buyerId, long points, Money value, String refundNo) {
        booked.add("PT-" + refundNo + " " + points + " " + value.minor());
    }
}
